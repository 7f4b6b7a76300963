/** Demo cases for tests that run no workers: the automated check is completed here. */
import { expect } from 'vitest';
import { sampleMaterials } from '../../src/demo/sample-files.js';
import type { Session, TestApp } from './app.js';
import { engineClient, eventually } from './environment.js';

/** A demo case taken in by `clerk` and waiting at the review (another file's worker may do the check first). */
export async function caseAtReview(t: TestApp, clerk: Session, applicant: string) {
  const engine = engineClient();
  const response = await t.app.inject({ method: 'POST', url: '/api/demo/cases', headers: clerk.headers, payload: { applicant, materials: sampleMaterials(applicant) } });
  expect(response.statusCode, response.body).toBe(201);
  const started = response.json() as { caseId: string; businessKey: string };
  const task = await eventually(async () => {
    const [external] = await engine.externalTasks({ processInstanceId: started.caseId });
    if (external && !external.workerId) {
      const locked = await engine.lockExternalTask(external.id, 'test', 60_000).then(() => true, () => false);
      if (locked) await engine.completeExternalTask(external.id, 'test');
    }
    const [review] = await engine.tasks({ processInstanceId: started.caseId, taskDefinitionKey: 'Review' });
    return review;
  }, 20_000, 'the review task');
  return { ...started, taskId: task.id };
}
