/** A task is worked on by its candidate department (or head), and by whoever claimed it. */
import type { EngineClient, Task } from '../engine/client.js';
import { ApiError } from '../http/api-error.js';
import { taskGroups, type Principal } from '../identity/roles.js';

export async function requireTaskAccess(engine: EngineClient, principal: Principal, taskId: string): Promise<{ task: Task; groups: string[] }> {
  const task = await engine.task(taskId);
  const groups = await engine.taskCandidateGroups(taskId);
  const mine = taskGroups(principal);
  if (!groups.some((group) => mine.includes(group)) && task.assignee !== principal.userId) {
    throw new ApiError(403, 'TASK_FORBIDDEN', '该任务不属于您的部门', 'this task is not your department’s');
  }
  return { task, groups };
}

/** Acting on a task someone else has claimed is refused; claim it first or ask them. */
export function requireNotClaimedByOther(task: Task, principal: Principal): void {
  if (task.assignee && task.assignee !== principal.userId) {
    throw new ApiError(409, 'TASK_CLAIMED_BY_OTHER', `任务已由 ${task.assignee} 签收`, `the task is claimed by ${task.assignee}`, { assignee: task.assignee });
  }
}
