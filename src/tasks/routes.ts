/** The inbox and what staff do with a task: look, claim, unclaim, decide. */
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { precheckResultSchema } from '../applications/precheck.js';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../database/prisma.js';
import type { EngineClient } from '../engine/client.js';
import { ApiError } from '../http/api-error.js';
import { requireNotClaimedByOther, requireTaskAccess } from './access.js';
import { completeWithOpinion } from './complete.js';
import { formSchema, type FormField } from './form-fields.js';
import type { InboxService } from './inbox.js';

const taskParams = z.object({ taskId: z.string().regex(/^[0-9a-f-]{36}$/, 'must be a task id (UUID)') });
const staff = { access: { roles: ['clerk' as const, 'reviewer' as const, 'head' as const] } };

const inboxItem = z.object({
  id: z.string(),
  name: z.string().nullable(),
  caseId: z.string(),
  businessKey: z.string().nullable(),
  applicant: z.string().nullable(),
  processKey: z.string(),
  itemCode: z.string().nullable(),
  created: z.string(),
  due: z.string().nullable(),
  yellowAt: z.string().nullable(),
  assignee: z.string().nullable(),
  status: z.enum(['normal', 'yellow', 'red', 'paused']),
  workingDaysLeft: z.number().int().nullable(),
  greenChannel: z.boolean(),
});

const formFieldView = z.object({
  id: z.string(),
  label: z.string(),
  type: z.enum(['string', 'long', 'boolean', 'date', 'enum']),
  multiline: z.boolean(),
  required: z.boolean(),
  readonly: z.boolean(),
  minLength: z.number().optional(),
  maxLength: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
  defaultValue: z.string().optional(),
  requiredWhen: z.object({ field: z.string(), value: z.string() }).optional(),
});

export interface TaskDependencies {
  engine: EngineClient;
  database: Database;
  inbox: InboxService;
  formFields: (processDefinitionId: string, taskDefinitionKey: string) => Promise<FormField[]>;
}

export const taskRoutes =
  ({ engine, database, inbox, formFields }: TaskDependencies): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/inbox',
      {
        config: staff,
        schema: {
          tags: ['tasks'],
          summary: '我的待办（本部门未签收及我已签收的任务）/ my inbox: my department’s unclaimed tasks and mine',
          querystring: z.object({
            processKey: z.string().max(200).optional().describe('流程标识 / procedure (process key)'),
            item: z.string().max(61).optional().describe('事项编码 / catalogue item code'),
            status: z.enum(['normal', 'yellow', 'red', 'paused']).optional(),
            greenChannel: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
            q: z.string().trim().min(1).max(100).optional().describe('办件编号或申请人 / case number or applicant'),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: { 200: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(inboxItem) }) },
        },
      },
      async (request) => {
        const { total, items } = await inbox.list(request.principal!, request.query);
        return { total, page: request.query.page, pageSize: request.query.pageSize, items };
      },
    );

    app.get(
      '/api/tasks/:taskId',
      {
        config: staff,
        schema: {
          tags: ['tasks'],
          summary: '任务与其决定表单 / a task and its decision form',
          params: taskParams,
          response: {
            200: z.object({
              id: z.string(),
              name: z.string().nullable(),
              caseId: z.string(),
              step: z.string(),
              assignee: z.string().nullable(),
              due: z.string().nullable(),
              candidateGroups: z.array(z.string()),
              form: z.array(formFieldView),
              /** 本部门自动预审结果 / the department's automated pre-check, where the step has one */
              precheck: precheckResultSchema.nullable(),
            }),
          },
        },
      },
      async (request) => {
        const { task, groups } = await requireTaskAccess(engine, request.principal!, request.params.taskId);
        return {
          id: task.id,
          name: task.name,
          caseId: task.processInstanceId,
          step: task.taskDefinitionKey,
          assignee: task.assignee,
          due: task.due,
          candidateGroups: groups,
          form: await formFields(task.processDefinitionId, task.taskDefinitionKey),
          precheck: await precheckOf(engine, task.id, request.log),
        };
      },
    );

    app.post(
      '/api/tasks/:taskId/claim',
      { config: staff, schema: { tags: ['tasks'], summary: '签收 / claim', params: taskParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const { task } = await requireTaskAccess(engine, request.principal!, request.params.taskId);
        if (task.assignee === request.principal!.userId) return reply.status(204).send(null);
        requireNotClaimedByOther(task, request.principal!);
        // Two reviewers racing: the engine lets one claim win; the other gets 409 (TaskAlreadyClaimed).
        await engine.claimTask(task.id, request.principal!.userId);
        await recordAudit(database, { actor: request.principal!.userId, action: 'task.claim', subject: task.processInstanceId, details: { taskId: task.id } });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/tasks/:taskId/unclaim',
      { config: staff, schema: { tags: ['tasks'], summary: '退回待签收 / unclaim', params: taskParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const { task } = await requireTaskAccess(engine, request.principal!, request.params.taskId);
        if (task.assignee !== request.principal!.userId) {
          throw new ApiError(409, 'TASK_NOT_CLAIMED_BY_YOU', '只能退回自己签收的任务', 'you can only unclaim a task you claimed');
        }
        await engine.unclaimTask(task.id);
        await recordAudit(database, { actor: request.principal!.userId, action: 'task.unclaim', subject: task.processInstanceId, details: { taskId: task.id } });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/tasks/:taskId/complete',
      {
        config: staff,
        schema: {
          tags: ['tasks'],
          summary: '提交决定（按任务表单校验）/ decide (validated against the task’s form)',
          params: taskParams,
          body: z.object({ values: z.record(z.string(), z.unknown()) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const { task, groups } = await requireTaskAccess(engine, principal, request.params.taskId);
        if (task.assignee !== principal.userId) {
          requireNotClaimedByOther(task, principal);
          throw new ApiError(409, 'TASK_NOT_CLAIMED', '请先签收任务', 'claim the task first');
        }
        const fields = await formFields(task.processDefinitionId, task.taskDefinitionKey);
        const parsed = formSchema(fields).safeParse(request.body.values);
        if (!parsed.success) {
          const details = parsed.error.issues.map((issue) => ({ field: `values.${issue.path.join('.')}`, rule: issue.code, message: issue.message }));
          throw new ApiError(400, 'VALIDATION_FAILED', `表单填写有误：${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, 'the form has errors', details);
        }
        const values = parsed.data as Record<string, unknown>;
        await requireAvailableOptions(engine, task.id, fields, values);
        const decisionLabel = fields.find((field) => field.id === 'decision')?.options?.find((option) => option.id === values.decision)?.label ?? null;
        await completeWithOpinion(database, engine, task, { userId: principal.userId, department: principal.department ?? groups[0] ?? null }, values, decisionLabel);
        await recordAudit(database, { actor: principal.userId, action: 'task.complete', subject: task.processInstanceId, details: { taskId: task.id, step: task.taskDefinitionKey, values } });
        return reply.status(204).send(null);
      },
    );
  };

/** An option such as "extend" that this case may no longer choose is refused, not ignored. */
async function requireAvailableOptions(engine: EngineClient, taskId: string, fields: FormField[], values: Record<string, unknown>): Promise<void> {
  const chosen = fields.filter((field) => field.optionNeeds && values[field.id] === field.optionNeeds.option);
  if (chosen.length === 0) return;
  const variables = await engine.taskVariables(taskId);
  for (const field of chosen) {
    const { option, variable } = field.optionNeeds!;
    if (variables[variable] !== true) {
      throw new ApiError(409, 'OPTION_NOT_AVAILABLE', `本案件不能选择“${option}”（${field.label}）`, `"${option}" is not available for this case (${variable} is not true)`, [{ field: `values.${field.id}`, rule: 'optionNeeds', message: `needs ${variable}` }]);
    }
  }
}

/** The pre-check the task's branch holds; a malformed one is logged and left out, the decision form still opens. */
async function precheckOf(engine: EngineClient, taskId: string, log: FastifyBaseLogger) {
  const value = (await engine.taskVariables(taskId)).precheck;
  if (value === undefined || value === null) return null;
  const parsed = precheckResultSchema.safeParse(value);
  if (!parsed.success) log.warn({ taskId, issues: parsed.error.issues }, '预审结果格式不符 / malformed pre-check variable');
  return parsed.success ? parsed.data : null;
}
