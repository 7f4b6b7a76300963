/**
 * Records a yellow or red warning (黄牌/红牌预警) when a deadline timer in a diagram fires
 * (README "Warnings in diagrams"). Keyed by the external task id, so a task delivered
 * twice (lock expired, worker restarted) records one warning.
 */
import { z } from 'zod';
import { defineTopic, need } from '../runtime/topic.js';

export const supervisionWarn = defineTopic({
  topic: 'supervision.warn',
  department: 'supervision',
  description: { zh: '记录黄牌/红牌预警', en: 'Record a yellow or red warning' },
  input: z.object({
    level: z.enum(['yellow', 'red']),
    scope: z.enum(['case', 'step']),
    /** The watched step's activity id (scope "step"). */
    step: z.string().min(1).optional(),
    department: z.string().min(1).optional(),
    /** The deadline the warning is about. */
    due: z.iso.datetime({ offset: true }),
  }),
  output: z.object({}),
  retry: { retries: 5, initialTimeoutMs: 2_000, maxTimeoutMs: 60_000 },
  async handler(input, context) {
    const database = need(context.services, 'database');
    const engine = need(context.services, 'engine');
    let assignee: string | null = null;
    if (input.scope === 'step' && input.step) {
      // In a multi-instance step (one review per department) the department picks the branch's task.
      const [task] = await engine.tasks({ processInstanceId: context.processInstanceId, taskDefinitionKey: input.step, ...(input.department ? { candidateGroup: input.department } : {}) });
      assignee = task?.assignee ?? null;
    }
    const warning = await database.warning.upsert({
      where: { externalTaskId: context.taskId },
      create: {
        caseId: context.processInstanceId,
        businessKey: context.businessKey,
        level: input.level,
        scope: input.scope,
        step: input.step ?? null,
        department: input.department ?? null,
        assignee,
        dueAt: new Date(input.due),
        firedAt: new Date(),
        externalTaskId: context.taskId,
      },
      update: {},
    });
    context.log.warn(
      { level: input.level, scope: input.scope, step: input.step, department: input.department, warningId: warning.id.toString() },
      input.level === 'red' ? '红牌预警：已超期 / red warning: deadline passed' : '黄牌预警：临近期限 / yellow warning: deadline approaching',
    );
    return {};
  },
});
