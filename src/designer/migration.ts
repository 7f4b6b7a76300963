/**
 * Migrating running cases to a new version of their procedure (administrators). The
 * engine generates the plan (activities with the same id map onto each other); we add
 * what the plan leaves out — source activities a case could be waiting in that have no
 * target — and the engine's validation of the plan. Execution is a batch: each case
 * migrates on its own job, and a case that cannot migrate stays on its version with the
 * engine's reason.
 */
import { recordAudit } from '../audit/record.js';
import type { Database } from '../database/prisma.js';
import type { EngineClient, MigrationInstruction, MigrationPlan, MigrationPlanReport } from '../engine/client.js';
import { EngineNotFoundError } from '../engine/errors.js';
import { ApiError } from '../http/api-error.js';
import { flowElementsOf, readDiagram } from './diagram.js';
import { is } from './lint/rules/support.js';

export interface SourceActivity {
  id: string;
  name: string | null;
  type: string;
}

export interface PlanView {
  plan: MigrationPlan;
  /** Activities of the source version where a case can wait that no instruction maps. */
  unmappedActivities: SourceActivity[];
  validation: { valid: boolean } & MigrationPlanReport;
}

export interface MigrationStatus {
  batchId: string;
  total: number;
  completed: number;
  failed: number;
  remaining: number;
  /** Nothing more will happen by itself: every case migrated or failed for good. */
  done: boolean;
  failures: { caseId: string | null; reason: string }[];
}

/**
 * Where a case can be waiting, i.e. what a migration instruction can map: activities,
 * boundary and intermediate catch events, event-based and joining gateways, and the
 * event-triggered starts of event sub-processes.
 */
const MIGRATABLE = ['bpmn:Activity', 'bpmn:BoundaryEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:EventBasedGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway'];

export async function migratableActivities(xml: string): Promise<SourceActivity[]> {
  const diagram = await readDiagram(xml);
  if (!diagram.ok) return [];
  const processes = (diagram.definitions.rootElements ?? []).filter((element) => is(element, 'bpmn:Process'));
  return processes
    .flatMap(flowElementsOf)
    .filter((element) => {
      if (!element.id) return false;
      if (MIGRATABLE.some((type) => is(element, type))) return true;
      // A start event with a trigger inside an event sub-process (the case warnings' timers).
      return is(element, 'bpmn:StartEvent') && Boolean(element.$parent?.triggeredByEvent) && ((element.get('eventDefinitions') as unknown[] | undefined)?.length ?? 0) > 0;
    })
    .map((element) => ({ id: element.id!, name: element.name ?? null, type: element.$type.replace(/^bpmn:/, '') }));
}

function valid(report: MigrationPlanReport): boolean {
  return report.instructionReports.every((entry) => entry.failures.length === 0) && Object.values(report.variableReports ?? {}).every((entry) => entry.failures.length === 0);
}

/** The process instance an engine migration failure names, e.g. "Cannot migrate process instance 'abc'". */
export function caseIdFromFailure(message: string): string | null {
  return /process instance '([^']+)'/i.exec(message)?.[1] ?? null;
}

export class MigrationService {
  constructor(
    private readonly engine: EngineClient,
    private readonly database: Database,
  ) {}

  private async definition(id: string, role: 'source' | 'target') {
    try {
      return await this.engine.processDefinition(id);
    } catch (error) {
      if (error instanceof EngineNotFoundError) {
        throw new ApiError(404, 'DEFINITION_NOT_FOUND', `${role === 'source' ? '源' : '目标'}流程版本不存在：${id}`, `no ${role} process definition ${id}`, { [role]: id });
      }
      throw error;
    }
  }

  async plan(sourceId: string, targetId: string, updateEventTriggers = false): Promise<PlanView> {
    await Promise.all([this.definition(sourceId, 'source'), this.definition(targetId, 'target')]);
    const plan = await this.engine.generateMigrationPlan(sourceId, targetId, updateEventTriggers);
    const [report, sourceXml] = await Promise.all([this.engine.validateMigrationPlan(plan), this.engine.processDefinitionXml(sourceId)]);
    const mapped = new Set(plan.instructions.flatMap((instruction) => instruction.sourceActivityIds));
    const unmappedActivities = (await migratableActivities(sourceXml)).filter((activity) => !mapped.has(activity.id));
    return { plan, unmappedActivities, validation: { valid: valid(report), ...report } };
  }

  async execute(plan: { sourceProcessDefinitionId: string; targetProcessDefinitionId: string; instructions: MigrationInstruction[] }, processInstanceIds: string[], actor: string): Promise<{ batchId: string }> {
    await Promise.all([this.definition(plan.sourceProcessDefinitionId, 'source'), this.definition(plan.targetProcessDefinitionId, 'target')]);
    const report = await this.engine.validateMigrationPlan(plan);
    if (!valid(report)) {
      throw new ApiError(400, 'MIGRATION_PLAN_INVALID', '迁移计划无效', 'the migration plan is not valid', report);
    }
    const ids = [...new Set(processInstanceIds)];
    const running = await this.engine.processInstances({ processInstanceIds: ids });
    const onSource = new Set(running.filter((instance) => instance.definitionId === plan.sourceProcessDefinitionId).map((instance) => instance.id));
    const elsewhere = ids.filter((id) => !onSource.has(id));
    if (elsewhere.length > 0) {
      throw new ApiError(400, 'CASES_NOT_ON_SOURCE', '部分案件不在源版本上运行', 'some cases are not running on the source version', { caseIds: elsewhere });
    }
    const batch = await this.engine.executeMigrationAsync(plan, ids);
    await recordAudit(this.database, {
      actor,
      action: 'procedure.migrate',
      subject: `batch:${batch.id}`,
      details: { source: plan.sourceProcessDefinitionId, target: plan.targetProcessDefinitionId, instructions: plan.instructions.length, caseIds: ids },
    });
    return { batchId: batch.id };
  }

  async status(batchId: string): Promise<MigrationStatus> {
    const statistics = await this.engine.batchStatistics(batchId);
    if (statistics) {
      const failures = statistics.batchJobDefinitionId ? await this.failures(statistics.batchJobDefinitionId) : [];
      return {
        batchId,
        total: statistics.totalJobs,
        completed: statistics.completedJobs,
        failed: statistics.failedJobs,
        remaining: statistics.remainingJobs,
        done: statistics.jobsCreated >= statistics.totalJobs && statistics.remainingJobs <= statistics.failedJobs,
        failures,
      };
    }
    // A batch whose jobs all succeeded is removed; its history remains.
    let history;
    try {
      history = await this.engine.historicBatch(batchId);
    } catch (error) {
      if (error instanceof EngineNotFoundError) throw new ApiError(404, 'BATCH_NOT_FOUND', '迁移批次不存在', 'no such migration batch', { batchId });
      throw error;
    }
    const done = Boolean(history.endTime);
    return { batchId, total: history.totalJobs, completed: done ? history.totalJobs : 0, failed: 0, remaining: done ? 0 : history.totalJobs, done, failures: [] };
  }

  /** Jobs that used up their retries: each names the case it could not migrate and why. */
  private async failures(jobDefinitionId: string): Promise<MigrationStatus['failures']> {
    const jobs = await this.engine.jobs({ jobDefinitionId, noRetriesLeft: true });
    return Promise.all(
      jobs.map(async (job) => {
        let reason = job.exceptionMessage ?? '';
        let caseId = job.processInstanceId || caseIdFromFailure(reason);
        if (!caseId) {
          const trace = await this.engine.jobStacktrace(job.id).catch(() => '');
          caseId = caseIdFromFailure(trace);
          if (!reason) reason = trace.split('\n')[0] ?? '';
        }
        // The engine nests its reasons on tab-indented lines; one line reads better.
        return { caseId: caseId ?? null, reason: reason.split('\n').map((line) => line.trim()).filter(Boolean).join(' ') };
      }),
    );
  }
}
