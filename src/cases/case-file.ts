/**
 * The case file (案卷): applicant and project, materials, other departments' opinions,
 * the timeline (steps, clock stops, warnings), deadlines and the open tasks, gathered
 * from the engine (process state, history) and the API's database (domain data).
 */
import { toShanghaiIso } from '../calendar/shanghai.js';
import { CLOCK_STOP_REASONS } from '../clock-stops/reasons.js';
import type { ClockStopService } from '../clock-stops/service.js';
import type { Database } from '../database/prisma.js';
import type { DeadlinePlan } from '../deadlines/plan.js';
import type { EngineClient } from '../engine/client.js';
import { ApiError } from '../http/api-error.js';

/** One line of the case timeline: `text` is "中文 / English"; the other fields let a page word it itself. */
export interface TimelineEntry {
  at: string;
  kind: 'step' | 'pause' | 'resume' | 'warning';
  text: string;
  level?: 'yellow' | 'red';
  /** The warned step (BPMN activity id); absent for a warning on the whole case. */
  step?: string;
  reasonLabel?: string;
  shiftedWorkingDays?: number;
}

export class CaseFileService {
  constructor(
    private readonly engine: EngineClient,
    private readonly database: Database,
    private readonly clockStops: ClockStopService,
  ) {}

  async timeline(caseId: string): Promise<TimelineEntry[]> {
    const [path, clock, warnings] = await Promise.all([
      this.engine.historicActivityInstances(caseId),
      this.clockStops.list(caseId),
      this.database.warning.findMany({ where: { caseId }, orderBy: { firedAt: 'asc' } }),
    ]);
    const entries: TimelineEntry[] = [
      ...path.filter((step) => step.activityName).map((step) => ({ at: toShanghaiIso(step.startTime), kind: 'step' as const, text: step.activityName! })),
      ...clock.stops.flatMap((stop) => {
        const reason = CLOCK_STOP_REASONS[stop.reason];
        const pause: TimelineEntry = { at: stop.pausedAt, kind: 'pause', text: `暂停计时：${reason.zh} / clock stopped: ${reason.en}`, reasonLabel: stop.reasonLabel };
        if (!stop.resumedAt) return [pause];
        const days = stop.shiftedWorkingDays ?? 0;
        return [pause, { at: stop.resumedAt, kind: 'resume' as const, text: `恢复计时，期限顺延 ${days} 个工作日 / clock restarted, deadlines moved by ${days} working days`, shiftedWorkingDays: days }];
      }),
      ...warnings.map((warning) => {
        const [zh, en] = warning.level === 'red' ? ['红牌', 'red'] : ['黄牌', 'yellow'];
        const text = warning.scope === 'step' ? `环节 ${warning.step} ${zh}预警 / ${en} warning on step ${warning.step}` : `整案${zh}预警 / ${en} warning on the case`;
        return { at: toShanghaiIso(warning.firedAt), kind: 'warning' as const, text, level: warning.level, ...(warning.step ? { step: warning.step } : {}) };
      }),
    ];
    return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  async caseFile(caseId: string, viewer: string) {
    const history = await this.engine.historicProcessInstance(caseId);
    const record = await this.database.caseRecord.findUnique({
      where: { caseId },
      include: {
        materials: { select: { id: true, code: true, fileName: true, contentType: true, size: true, round: true, uploadedAt: true }, orderBy: { id: 'asc' } },
        opinions: { orderBy: { decidedAt: 'asc' } },
      },
    });
    const issued = await this.database.signedDocument.findMany({ where: { caseId }, select: { number: true, kind: true, title: true, createdAt: true }, orderBy: { createdAt: 'asc' } });
    if (!record) throw new ApiError(404, 'NOT_FOUND', '案件不存在', 'no such case');
    const running = history.state === 'ACTIVE';
    const [variables, tasks, timeline, clock, definitions] = await Promise.all([
      running ? this.engine.variables(caseId) : Promise.resolve({} as Record<string, unknown>),
      running ? this.engine.tasks({ processInstanceId: caseId }) : Promise.resolve([]),
      this.timeline(caseId),
      this.clockStops.list(caseId),
      this.engine.processDefinitions({ key: history.processDefinitionKey }),
    ]);
    const plan = variables.deadlinePlan as DeadlinePlan | undefined;
    const codes = [...new Set(record.opinions.map((opinion) => opinion.department).filter((code): code is string => Boolean(code)))];
    const departments = new Map(
      (await this.database.department.findMany({ where: { code: { in: codes } } })).map((department) => [department.code, `${department.nameZh} / ${department.nameEn}`]),
    );
    return {
      caseId,
      businessKey: record.businessKey,
      processKey: record.processKey,
      processName: definitions[0]?.name ?? record.processKey,
      state: history.state,
      startedAt: toShanghaiIso(history.startTime),
      endedAt: history.endTime ? toShanghaiIso(history.endTime) : null,
      applicant: record.applicant,
      project: record.project as Record<string, unknown>,
      greenChannel: record.greenChannel,
      catalogue: record.catalogueCode && record.catalogueVersion !== null ? { code: record.catalogueCode, version: record.catalogueVersion } : null,
      materials: record.materials.map((material) => ({ ...material, id: material.id.toString(), uploadedAt: toShanghaiIso(material.uploadedAt) })),
      opinions: record.opinions.map((opinion) => ({
        step: opinion.step,
        stepName: opinion.stepName,
        department: opinion.department,
        departmentName: opinion.department ? (departments.get(opinion.department) ?? opinion.department) : null,
        decision: opinion.decision,
        decisionLabel: opinion.decisionLabel,
        opinion: opinion.opinion,
        author: opinion.author,
        decidedAt: toShanghaiIso(opinion.decidedAt),
      })),
      timeline,
      documents: issued.map((document) => ({ number: document.number, kind: document.kind, title: document.title, issuedAt: toShanghaiIso(document.createdAt) })),
      deadlines: plan ? { deadline: plan.deadline, yellowAt: plan.yellowAt, steps: plan.steps } : null,
      paused: clock.paused,
      tasks: tasks.map((task) => ({ id: task.id, name: task.name, step: task.taskDefinitionKey, assignee: task.assignee, due: task.due, mine: task.assignee === viewer })),
    };
  }

  /** The diagram with the steps done and the steps under way, for the viewer. */
  async diagram(caseId: string): Promise<{ xml: string; completed: string[]; active: string[] }> {
    const history = await this.engine.historicProcessInstance(caseId);
    const [xml, steps] = await Promise.all([this.engine.processDefinitionXml(history.processDefinitionId), this.engine.historicActivityInstances(caseId)]);
    return {
      xml,
      completed: [...new Set(steps.filter((step) => step.endTime && !step.canceled).map((step) => step.activityId))],
      active: [...new Set(steps.filter((step) => !step.endTime).map((step) => step.activityId))],
    };
  }

  async material(caseId: string, materialId: bigint) {
    const material = await this.database.caseMaterial.findFirst({ where: { id: materialId, caseId }, include: { file: { select: { content: true } } } });
    if (!material) throw new ApiError(404, 'NOT_FOUND', '材料不存在', 'no such material');
    return material;
  }
}
