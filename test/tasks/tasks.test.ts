/** Department isolation of tasks and cases, claim races, unclaim. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployShippedProcesses } from '../../src/engine/deploy-processes.js';
import { testApp, type Session, type TestApp } from '../support/app.js';
import { caseAtReview as reviewCase } from '../support/cases.js';
import { engineClient } from '../support/environment.js';

let t: TestApp;
const engine = engineClient();
let clerk: Session;

beforeAll(async () => {
  t = await testApp();
  await deployShippedProcesses(engine);
  clerk = await t.login('window-clerk');
  const admin = await t.login('admin');
  await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: { username: 'demo-reviewer2', displayName: '演示审查科 审批人员二', roles: ['reviewer'], departmentCode: 'demo', password: 'second-reviewer-1' } });
});
afterAll(() => t.close());

const caseAtReview = (applicant: string) => reviewCase(t, clerk, applicant);

describe('tasks and departments', () => {
  it('lets one of two racing reviewers claim a task; the other gets 409', async () => {
    const { taskId } = await caseAtReview('并发签收');
    const first = await t.login('demo-reviewer');
    const second = await t.login('demo-reviewer2', 'second-reviewer-1');
    const results = await Promise.all([first, second].map((session) => t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/claim`, headers: session.headers })));
    expect(results.map((result) => result.statusCode).sort()).toEqual([204, 409]);
    const loser = results.find((result) => result.statusCode === 409)!;
    expect(['TASK_CLAIMED_BY_OTHER', 'CONFLICT']).toContain(loser.json().error);
    const winner = (await engine.task(taskId)).assignee;
    expect(['demo-reviewer', 'demo-reviewer2']).toContain(winner);

    // The loser no longer sees it in the inbox (claimed by someone else); the winner does.
    const loserSession = winner === 'demo-reviewer' ? second : first;
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/inbox?q=%E5%B9%B6%E5%8F%91', headers: loserSession.headers })).json();
    expect(inbox.items.map((item: { id: string }) => item.id)).not.toContain(taskId);
    const winnerSession = winner === 'demo-reviewer' ? first : second;
    expect((await t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/unclaim`, headers: loserSession.headers })).json().error).toBe('TASK_NOT_CLAIMED_BY_YOU');
    expect((await t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/unclaim`, headers: winnerSession.headers })).statusCode).toBe(204);
    expect((await engine.task(taskId)).assignee).toBeNull();
  });

  it('keeps other departments out of tasks and case files', async () => {
    const { caseId, taskId, businessKey } = await caseAtReview('部门隔离');
    const housing = await t.login('housing-reviewer');
    const inbox = (await t.app.inject({ method: 'GET', url: `/api/inbox?q=${businessKey}`, headers: housing.headers })).json();
    expect(inbox.items).toEqual([]);
    for (const [method, url] of [
      ['GET', `/api/tasks/${taskId}`],
      ['POST', `/api/tasks/${taskId}/claim`],
      ['POST', `/api/tasks/${taskId}/complete`],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: housing.headers, payload: method === 'POST' ? { values: {} } : undefined });
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error).toBe('TASK_FORBIDDEN');
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: housing.headers })).json().error).toBe('CASE_FORBIDDEN');
    // The department's reviewer, the window that took it in and the supervisor may read it.
    for (const user of ['demo-reviewer', 'window-clerk', 'supervisor']) {
      const session = await t.login(user);
      expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: session.headers })).statusCode, user).toBe(200);
    }
    // Completing needs a claim first.
    const reviewer = await t.login('demo-reviewer');
    const unclaimed = await t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/complete`, headers: reviewer.headers, payload: { values: { decision: 'approve', opinion: '同意' } } });
    expect(unclaimed.json().error).toBe('TASK_NOT_CLAIMED');
  });

  it('pages and filters the inbox, sorted by due date', async () => {
    const reviewer = await t.login('demo-reviewer');
    await caseAtReview('分页一');
    await caseAtReview('分页二');
    const page1 = (await t.app.inject({ method: 'GET', url: '/api/inbox?pageSize=1&page=1', headers: reviewer.headers })).json();
    const page2 = (await t.app.inject({ method: 'GET', url: '/api/inbox?pageSize=1&page=2', headers: reviewer.headers })).json();
    expect(page1.total).toBeGreaterThanOrEqual(2);
    expect(page1.items).toHaveLength(1);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(Date.parse(page1.items[0].due)).toBeLessThanOrEqual(Date.parse(page2.items[0].due));
    const byApplicant = (await t.app.inject({ method: 'GET', url: `/api/inbox?q=${encodeURIComponent('分页二')}`, headers: reviewer.headers })).json();
    expect(byApplicant.items.map((item: { applicant: string }) => item.applicant)).toEqual(['分页二']);
    const green = (await t.app.inject({ method: 'GET', url: '/api/inbox?greenChannel=true', headers: reviewer.headers })).json();
    expect(green.items).toEqual([]);
    const byProcess = (await t.app.inject({ method: 'GET', url: '/api/inbox?processKey=nothing-like-this', headers: reviewer.headers })).json();
    expect(byProcess.total).toBe(0);
    const badStatus = await t.app.inject({ method: 'GET', url: '/api/inbox?status=purple', headers: reviewer.headers });
    expect(badStatus.json().details[0].field).toBe('querystring.status');
  });
});
