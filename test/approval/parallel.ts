/** Construction project, parallel approval by ten departments (run by procedures.test.ts). */
import { describe, expect, it } from 'vitest';
import { sampleUploads } from '../../src/demo/sample-files.js';
import { TOWER } from '../../src/demo/sample-projects.js';
import { PRECHECK_DEPARTMENTS } from '../../workers/precheck/index.js';
import { createWorkerServices } from '../../workers/services.js';
import { as, decide, engine, finished, item, submitted, task, world } from '../support/approval.js';
import { eventually } from '../support/environment.js';

const ITEM = 'construction-project-parallel';

async function accepted(options: { greenChannel?: boolean } = {}) {
  const started = await submitted(ITEM, { project: TOWER, ...options });
  await decide('window-clerk', started.caseId, 'Completeness', { decision: 'accept', opinion: '材料齐全，统一受理' });
  return started;
}

async function reviewTasks(caseId: string, count: number) {
  return eventually(async () => {
    const tasks = await engine.tasks({ processInstanceId: caseId, taskDefinitionKey: 'DepartmentReview' });
    return tasks.length === count && tasks;
  }, 60_000, `${count} department reviews`);
}

async function verdicts(caseId: string, departments: readonly string[], decision: (department: string) => string) {
  for (const department of departments) {
    await decide(`${department}-reviewer`, caseId, 'DepartmentReview', { decision: decision(department), opinion: `${department} 审查意见` }, 204, department);
  }
}

describe('construction project, parallel approval', () => {
  it('has all ten departments pre-check and review in parallel, then decides once within 30 working days', async () => {
    const started = await accepted();
    const calendar = await createWorkerServices(world.t.config, world.t.database, engine).calendars.calendar();
    expect(calendar.workingDaysBetween(calendar.dayOf(new Date()), calendar.dayOf(new Date(started.deadline)))).toBe(30);

    const tasks = await reviewTasks(started.caseId, 10);
    const groups = await Promise.all(tasks.map((open) => engine.taskCandidateGroups(open.id)));
    expect(groups.flat().sort()).toEqual([...PRECHECK_DEPARTMENTS].sort());
    // Each department's staff see the pre-check of their own department with the task.
    for (const open of tasks) {
      const [group] = await engine.taskCandidateGroups(open.id);
      const precheck = (await engine.taskVariables(open.id)).precheck as { department: string; outcome: string };
      expect(precheck.department).toBe(group);
      expect(['pass', 'attention']).toContain(precheck.outcome);
      expect(open.due).toBeTruthy();
    }
    const fire = (await Promise.all(tasks.map(async (open) => ((await engine.taskCandidateGroups(open.id))[0] === 'fire' ? open : undefined)))).find(Boolean)!;
    const view = await world.t.app.inject({ method: 'GET', url: `/api/tasks/${fire.id}`, headers: (await as('fire-reviewer')).headers });
    expect(view.json().precheck).toMatchObject({ department: 'fire', outcome: 'attention', decisions: ['fire-design-review'] });
    const foreign = await world.t.app.inject({ method: 'POST', url: `/api/tasks/${fire.id}/claim`, headers: (await as('market-reviewer')).headers });
    expect(foreign.statusCode).toBe(403);

    await verdicts(started.caseId, PRECHECK_DEPARTMENTS, () => 'approve');
    const unified = await task(started.caseId, 'UnifiedDecision');
    expect(await engine.taskCandidateGroups(unified.id)).toEqual(['coordination']);
    await decide('coordination-reviewer', started.caseId, 'UnifiedDecision', { decision: 'approve', opinion: '各部门均同意，准予许可' });
    await finished(started.caseId);
    const documents = await world.t.database.signedDocument.findMany({ where: { caseId: started.caseId } });
    expect(documents.map((document) => document.kind).sort()).toEqual(['decision', 'licence']);
    expect(await world.t.database.opinion.count({ where: { caseId: started.caseId, step: 'DepartmentReview', decision: 'approve' } })).toBe(10);
  });

  it('stops the whole clock when one department asks for a correction', async () => {
    const started = await accepted();
    await reviewTasks(started.caseId, 10);
    await decide('fire-reviewer', started.caseId, 'DepartmentReview', { decision: 'correction', opinion: '消防设计文件缺少疏散计算', missingItems: '疏散宽度计算书' }, 204, 'fire');

    await eventually(async () => (await world.t.database.clockStop.findFirst({ where: { caseId: started.caseId, resumedAt: null } })) ?? undefined, 30_000, 'the clock stop');
    // Every other department's step timers stand still with the case.
    const timers = await eventually(async () => {
      const jobs = await engine.jobs({ processInstanceId: started.caseId, timers: true });
      return jobs.length > 0 && jobs.every((job) => (job as { suspended?: boolean }).suspended) && jobs;
    }, 20_000, 'suspended timers');
    expect(timers.length).toBeGreaterThan(2);

    const citizen = await as('citizen');
    const notice = await eventually(async () => {
      const response = await world.t.app.inject({ method: 'GET', url: `/api/cases/${started.caseId}/corrections`, headers: citizen.headers });
      const items = response.json().items as { requestId: string; department: string; missingItems: string[] }[];
      return items.length > 0 && items[0];
    }, 20_000, 'the notice');
    expect(notice).toMatchObject({ department: 'fire', missingItems: ['疏散宽度计算书'] });
    const materials = sampleUploads(item(ITEM).materials.filter((material) => material.code === 'design-drawings'), 'again');
    await eventually(async () => {
      const response = await world.t.app.inject({ method: 'POST', url: `/api/cases/${started.caseId}/corrections/${notice.requestId}`, headers: citizen.headers, payload: { materials } });
      return response.statusCode === 200;
    }, 20_000, 'the corrections');
    await eventually(async () => (await world.t.database.clockStop.findFirst({ where: { caseId: started.caseId } }))?.resumedAt ?? undefined, 30_000, 'the clock to run again');
    // Fire reviews again; the other nine still have theirs open.
    await task(started.caseId, 'DepartmentReview', 'fire');
    expect((await engine.tasks({ processInstanceId: started.caseId, taskDefinitionKey: 'DepartmentReview' })).length).toBe(10);
  });

  it('sends an objection to a joint review meeting with the objecting heads, then the objector reviews again', async () => {
    const started = await accepted();
    await reviewTasks(started.caseId, 10);
    await verdicts(started.caseId, PRECHECK_DEPARTMENTS, (department) => (department === 'environment' ? 'object' : 'approve'));

    const meeting = await task(started.caseId, 'JointReview');
    expect((await engine.taskCandidateGroups(meeting.id)).sort()).toEqual(['coordination', 'environment-head']);
    await decide('environment-head', started.caseId, 'JointReview', { decision: 're-review', opinion: '补充大气环境影响分析后重新审查', attendees: '协调办、生态环境局' });

    const again = await reviewTasks(started.caseId, 1);
    expect(await engine.taskCandidateGroups(again[0]!.id)).toEqual(['environment']);
    await verdicts(started.caseId, ['environment'], () => 'approve');
    await decide('coordination-reviewer', started.caseId, 'UnifiedDecision', { decision: 'approve', opinion: '联审后准予许可' });
    await finished(started.caseId);
  });

  it('refuses when the joint review meeting says so', async () => {
    const started = await accepted();
    await reviewTasks(started.caseId, 10);
    await verdicts(started.caseId, PRECHECK_DEPARTMENTS, (department) => (department === 'planning' ? 'object' : 'approve'));
    await decide('coordination-reviewer', started.caseId, 'JointReview', { decision: 'reject', opinion: '用地性质与规划不符，不予许可', attendees: '协调办、规划局' });
    await finished(started.caseId);
    const [letter] = await world.t.database.signedDocument.findMany({ where: { caseId: started.caseId } });
    expect(letter).toMatchObject({ kind: 'decision' });
  });

  it('gives a key project the green channel: 20 working days and a follow-up officer until the decision', async () => {
    const started = await accepted({ greenChannel: true });
    const calendar = await createWorkerServices(world.t.config, world.t.database, engine).calendars.calendar();
    expect(calendar.workingDaysBetween(calendar.dayOf(new Date()), calendar.dayOf(new Date(started.deadline)))).toBe(20);
    const followUp = await task(started.caseId, 'FollowUp');
    expect(await engine.taskCandidateGroups(followUp.id)).toEqual(['coordination']);

    await reviewTasks(started.caseId, 10);
    await verdicts(started.caseId, PRECHECK_DEPARTMENTS, () => 'approve');
    await decide('coordination-reviewer', started.caseId, 'UnifiedDecision', { decision: 'approve', opinion: '绿色通道，准予许可' });
    await finished(started.caseId);
    expect(await engine.tasks({ processInstanceId: started.caseId })).toEqual([]);
  });

  it('asks for the facts a department pre-check needs', async () => {
    const started = await submitted(ITEM, { project: { name: '无资料项目', type: 'industrial' } });
    await decide('window-clerk', started.caseId, 'Completeness', { decision: 'accept', opinion: '受理' });
    const tasks = await reviewTasks(started.caseId, 10);
    const outcomes = await Promise.all(tasks.map(async (open) => ((await engine.taskVariables(open.id)).precheck as { outcome: string }).outcome));
    expect(outcomes.filter((outcome) => outcome === 'correction').length).toBeGreaterThan(5);
  });
});
