/**
 * API for the demo procedure (processes/demo): start a case, read it, complete its
 * review. It proves the chain API → worker → user task → API → history end to end.
 * The demo counts its deadline in wall-clock time; real procedures use the
 * working-day calendar.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../database/prisma.js';
import type { EngineClient } from '../engine/client.js';
import { ApiError } from '../http/api-error.js';

export const DEMO_PROCESS_KEY = 'sunshine-demo';
const DEFAULT_REVIEW_HOURS = 48;
const isoWithOffset = z.iso.datetime({ offset: true });

const startBody = z
  .object({
    applicant: z.string().trim().min(1).max(200).describe('申请人 / applicant'),
    materials: z.array(z.string().min(1).max(100)).max(50).describe('已提交材料 / materials handed in'),
    deadline: isoWithOffset.optional().describe('审查期限 / review deadline (default: 48 h from now)'),
    yellowAt: isoWithOffset.optional().describe('黄牌预警时间 / yellow warning time (default: 80 % of the time)'),
  })
  .refine((body) => !body.deadline || Date.parse(body.deadline) > Date.now(), {
    path: ['deadline'],
    message: '期限必须在将来 / the deadline must be in the future',
  })
  .refine((body) => !body.yellowAt || !body.deadline || Date.parse(body.yellowAt) < Date.parse(body.deadline), {
    path: ['yellowAt'],
    message: '预警时间必须早于期限 / the warning must come before the deadline',
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
});

function businessKey(): string {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return `DEMO-${day}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

/** ISO-8601 with the +08:00 offset the diagrams expect (DESIGN.md §2). */
function shanghai(instant: number): string {
  return new Date(instant + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
}

export const demoRoutes =
  (engine: EngineClient, database: Database): FastifyPluginAsyncZod =>
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
        const now = Date.now();
        const deadlineMs = request.body.deadline ? Date.parse(request.body.deadline) : now + DEFAULT_REVIEW_HOURS * 3_600_000;
        const deadline = request.body.deadline ?? shanghai(deadlineMs);
        const yellowAt = request.body.yellowAt ?? shanghai(now + 0.8 * (deadlineMs - now));
        const key = businessKey();
        const instance = await engine.startProcess(DEMO_PROCESS_KEY, {
          businessKey: key,
          variables: { applicant: request.body.applicant, materials: request.body.materials, deadline, yellowAt },
        });
        await recordAudit(database, { actor: request.principal!.userId, action: 'demo.case.start', subject: key, details: { caseId: instance.id } });
        return reply.status(201).send({ caseId: instance.id, businessKey: key, deadline, yellowAt });
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
        const [variables, tasks, path, incidents] = await Promise.all([
          running ? engine.variables(caseId) : Promise.resolve({}),
          running ? engine.tasks({ processInstanceId: caseId }) : Promise.resolve([]),
          engine.historicActivityInstances(caseId),
          running ? engine.incidents({ processInstanceId: caseId }) : Promise.resolve([]),
        ]);
        return {
          caseId,
          businessKey: history.businessKey,
          state: history.state,
          variables,
          tasks: tasks.map((task) => ({ id: task.id, name: task.name, due: task.due, assignee: task.assignee })),
          path: path.map((step) => ({ activityId: step.activityId, name: step.activityName, type: step.activityType, startTime: step.startTime, endTime: step.endTime })),
          incidents: incidents.map((incident) => ({ activityId: incident.activityId, message: incident.incidentMessage })),
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
