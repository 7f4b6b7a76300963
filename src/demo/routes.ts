/**
 * API for the demo procedure (processes/demo): start a case, read it, complete its
 * review. It proves the chain API → worker → user task → API → history end to end, with
 * deadlines from the working-day calendar and the warning pattern.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record.js';
import type { CalendarService } from '../calendar/service.js';
import { toShanghaiIso } from '../calendar/shanghai.js';
import type { ClockStopService } from '../clock-stops/service.js';
import type { Database } from '../database/prisma.js';
import { planDeadlines, planVariables, type Limits } from '../deadlines/plan.js';
import type { EngineClient } from '../engine/client.js';
import { ApiError } from '../http/api-error.js';

export const DEMO_PROCESS_KEY = 'sunshine-demo';

/** The demo's catalogue item: 20 statutory working days, 5 committed, review within 3. */
export const DEMO_LIMITS: Limits = { statutoryDays: 20, committedDays: 5, steps: [{ key: 'Review', days: 3 }] };

const startBody = z.object({
  applicant: z.string().trim().min(1).max(200).describe('申请人 / applicant'),
  materials: z.array(z.string().min(1).max(100)).max(50).describe('已提交材料 / materials handed in'),
});

const caseParams = z.object({ caseId: z.string().regex(/^[0-9a-f-]{36}$/, 'must be a case id (UUID)') });
const taskParams = z.object({ taskId: z.string().regex(/^[0-9a-f-]{36}$/, 'must be a task id (UUID)') });

const completeBody = z.object({
  decision: z.enum(['approve', 'reject']).describe('审查结论 / decision'),
  opinion: z.string().trim().min(1).max(2000).describe('审查意见 / opinion'),
});

const caseView = z.object({
  caseId: z.string(),
  businessKey: z.string().nullable(),
  state: z.string(),
  variables: z.record(z.string(), z.unknown()),
  tasks: z.array(z.object({ id: z.string(), name: z.string().nullable(), due: z.string().nullable(), assignee: z.string().nullable() })),
  path: z.array(z.object({ activityId: z.string(), name: z.string().nullable(), type: z.string(), startTime: z.string(), endTime: z.string().nullable() })),
  incidents: z.array(z.object({ activityId: z.string(), message: z.string().nullable() })),
  /** Steps, clock stops and warnings in the order they happened (案件时间线). */
  timeline: z.array(z.object({ at: z.string(), kind: z.enum(['step', 'pause', 'resume', 'warning']), text: z.string() })),
});

function businessKey(): string {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return `DEMO-${day}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

export interface DemoDependencies {
  engine: EngineClient;
  database: Database;
  calendars: CalendarService;
  clockStops: ClockStopService;
}

export const demoRoutes =
  ({ engine, database, calendars, clockStops }: DemoDependencies): FastifyPluginAsyncZod =>
  async (app) => {
    const operators = { access: { roles: ['admin' as const, 'clerk' as const] } };

    app.post(
      '/api/demo/cases',
      {
        config: operators,
        schema: {
          tags: ['demo'],
          summary: '启动演示案件 / start a demo case',
          body: startBody,
          response: { 201: z.object({ caseId: z.string(), businessKey: z.string(), deadline: z.string(), yellowAt: z.string() }) },
        },
      },
      async (request, reply) => {
        const plan = planDeadlines(await calendars.calendar(), DEMO_LIMITS, new Date());
        const key = businessKey();
        const instance = await engine.startProcess(DEMO_PROCESS_KEY, {
          businessKey: key,
          variables: { applicant: request.body.applicant, materials: request.body.materials, ...planVariables(plan) },
        });
        await recordAudit(database, { actor: request.principal!.userId, action: 'demo.case.start', subject: key, details: { caseId: instance.id } });
        return reply.status(201).send({ caseId: instance.id, businessKey: key, deadline: plan.deadline, yellowAt: plan.yellowAt });
      },
    );

    app.get(
      '/api/demo/cases/:caseId',
      { config: operators, schema: { tags: ['demo'], summary: '演示案件详情 / a demo case', params: caseParams, response: { 200: caseView } } },
      async (request) => {
        const { caseId } = request.params;
        const history = await engine.historicProcessInstance(caseId);
        if (history.processDefinitionKey !== DEMO_PROCESS_KEY) {
          throw new ApiError(404, 'NOT_FOUND', '案件不存在', 'no such demo case');
        }
        const running = history.state === 'ACTIVE';
        const [variables, tasks, path, incidents, clock, warnings] = await Promise.all([
          running ? engine.variables(caseId) : Promise.resolve({}),
          running ? engine.tasks({ processInstanceId: caseId }) : Promise.resolve([]),
          engine.historicActivityInstances(caseId),
          running ? engine.incidents({ processInstanceId: caseId }) : Promise.resolve([]),
          clockStops.list(caseId),
          database.warning.findMany({ where: { caseId }, orderBy: { firedAt: 'asc' } }),
        ]);
        const timeline = [
          ...path
            .filter((step) => step.activityName)
            .map((step) => ({ at: toShanghaiIso(step.startTime), kind: 'step' as const, text: step.activityName! })),
          ...clock.stops.flatMap((stop) => [
            { at: stop.pausedAt, kind: 'pause' as const, text: `暂停计时 / clock stopped: ${stop.reasonLabel}` },
            ...(stop.resumedAt
              ? [{ at: stop.resumedAt, kind: 'resume' as const, text: `恢复计时，顺延 ${stop.shiftedWorkingDays} 个工作日 / clock restarted, deadlines moved by ${stop.shiftedWorkingDays} working days` }]
              : []),
          ]),
          ...warnings.map((warning) => ({
            at: toShanghaiIso(warning.firedAt),
            kind: 'warning' as const,
            text: `${warning.level === 'red' ? '红牌 / red' : '黄牌 / yellow'} ${warning.scope === 'step' ? `环节 / step ${warning.step}` : '整案 / case'}`,
          })),
        ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
        return {
          caseId,
          businessKey: history.businessKey,
          state: history.state,
          variables,
          tasks: tasks.map((task) => ({ id: task.id, name: task.name, due: task.due, assignee: task.assignee })),
          path: path.map((step) => ({ activityId: step.activityId, name: step.activityName, type: step.activityType, startTime: step.startTime, endTime: step.endTime })),
          incidents: incidents.map((incident) => ({ activityId: incident.activityId, message: incident.incidentMessage })),
          timeline,
        };
      },
    );

    app.post(
      '/api/demo/tasks/:taskId/complete',
      {
        config: operators,
        schema: { tags: ['demo'], summary: '完成演示审查任务 / complete a demo review task', params: taskParams, body: completeBody, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const task = await engine.task(request.params.taskId);
        if (task.processDefinitionId.split(':')[0] !== DEMO_PROCESS_KEY) {
          // This door only opens demo tasks; real tasks go through the inbox with its checks.
          throw new ApiError(404, 'NOT_FOUND', '任务不存在', 'no such demo task');
        }
        const [instance] = await engine.processInstances({ processInstanceIds: [task.processInstanceId] });
        await engine.completeTask(task.id, { decision: request.body.decision, opinion: request.body.opinion, decidedBy: request.principal!.userId });
        await recordAudit(database, {
          actor: request.principal!.userId,
          action: 'demo.task.complete',
          subject: instance?.businessKey ?? task.processInstanceId,
          details: { taskId: task.id, decision: request.body.decision },
        });
        return reply.status(204).send(null);
      },
    );
  };
