/**
 * Completing a task with its decision: the opinion (审查意见) is written in the same
 * transaction as the completion is sent, so a step that follows the task (e.g. the
 * consolidation of the departments' verdicts) finds it, and a failed completion leaves none.
 */
import type { Database } from '../database/prisma.js';
import type { EngineClient, Task } from '../engine/client.js';

export async function completeWithOpinion(database: Database, engine: EngineClient, task: Pick<Task, 'id' | 'processInstanceId' | 'taskDefinitionKey' | 'name'>, author: { userId: string; department: string | null }, values: Record<string, unknown>, decisionLabel: string | null = null): Promise<void> {
  await database.$transaction(
    async (tx) => {
      const record = await tx.caseRecord.findUnique({ where: { caseId: task.processInstanceId }, select: { caseId: true } });
      if (record) {
        await tx.opinion.create({
          data: {
            caseId: task.processInstanceId,
            taskId: task.id,
            step: task.taskDefinitionKey,
            stepName: task.name ?? task.taskDefinitionKey,
            department: author.department,
            decision: typeof values.decision === 'string' ? values.decision : null,
            decisionLabel,
            opinion: typeof values.opinion === 'string' ? values.opinion : null,
            values: values as object,
            author: author.userId,
          },
        });
      }
      await engine.completeTask(task.id, { ...values, decidedBy: author.userId });
    },
    { timeout: 30_000 },
  );
}
