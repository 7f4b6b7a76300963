/**
 * Clock stops on real cases in the real engine: timers are suspended while paused and
 * moved by exactly the paused working days on resume, task due dates and the deadline
 * variables with them; several pauses per case; 409 for a pause when paused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarService } from '../../src/calendar/service.js';
import { ClockStopService } from '../../src/clock-stops/service.js';
import { planDeadlines, planVariables, type DeadlinePlan } from '../../src/deadlines/plan.js';
import { DEMO_LIMITS, DEMO_PROCESS_KEY } from '../../src/demo/routes.js';
import { deployShippedProcesses } from '../../src/engine/deploy-processes.js';
import { sampleMaterials } from '../../src/demo/sample-files.js';
import { testApp, type TestApp } from '../support/app.js';
import { engineClient, eventually } from '../support/environment.js';

let t: TestApp;
const engine = engineClient();
let calendars: CalendarService;
let clockStops: ClockStopService;

beforeAll(async () => {
  t = await testApp();
  await deployShippedProcesses(engine);
  calendars = new CalendarService(t.database);
  clockStops = new ClockStopService(t.database, engine, calendars);
});
afterAll(() => t.close());

// Complete materials: other test files run the demo workers on the shared engine, and
// whichever worker checks this case must send it on to the review, not end it.
const MATERIALS = ['application-form', 'id-card'];

/** A demo case that started at `start`. */
async function caseStartedAt(start: string) {
  const plan = planDeadlines(await calendars.calendar(), DEMO_LIMITS, new Date(start));
  const instance = await engine.startProcess(DEMO_PROCESS_KEY, { variables: { applicant: '测试', materials: MATERIALS, ...planVariables(plan) } });
  return { id: instance.id, plan };
}

describe('clock stops', () => {
  it('suspends timers while paused and moves every deadline by the paused working days', async () => {
    // Started Tuesday 2026-12-01: 5 committed working days → Tuesday 2026-12-08.
    const { id, plan } = await caseStartedAt('2026-12-01T10:00:00+08:00');
    expect(plan.deadline).toBe('2026-12-08T23:59:59+08:00');
    const caseTimers = await engine.jobs({ processInstanceId: id, timers: true });
    expect(caseTimers.length).toBeGreaterThanOrEqual(2); // case yellow and red (+ the step's once under review)

    // Paused Wednesday 2026-12-02 for expert review, resumed Friday 2026-12-04: 2 working days.
    const pause = await clockStops.pause(id, { reason: 'expert_review', note: '专家评审' }, 'reviewer1', new Date('2026-12-02T09:00:00+08:00'));
    expect(pause).toMatchObject({ reason: 'expert_review', reasonLabel: '专家评审 / expert review', pausedAt: '2026-12-02T09:00:00+08:00' });
    const suspended = await engine.jobs({ processInstanceId: id, timers: true });
    expect(suspended.every((job) => job.suspended)).toBe(true);

    const resumed = await clockStops.resume(id, {}, 'reviewer1', new Date('2026-12-04T15:00:00+08:00'));
    expect(resumed.stop.shiftedWorkingDays).toBe(2);
    expect(resumed.deadline).toBe('2026-12-10T23:59:59+08:00');
    const after = await engine.jobs({ processInstanceId: id, timers: true });
    expect(after.every((job) => !job.suspended)).toBe(true);
    const calendar = await calendars.calendar();
    for (const job of caseTimers) {
      const moved = after.find((candidate) => candidate.id === job.id)!;
      const days = calendar.workingDaysBetween(calendar.dayOf(job.dueDate!), calendar.dayOf(moved.dueDate!));
      expect(days, job.id).toBe(2);
    }
    const variables = await engine.variables(id);
    expect(variables.deadline).toBe('2026-12-10T23:59:59+08:00');
    expect((variables.deadlinePlan as DeadlinePlan).steps.Review!.deadline).toBe('2026-12-08T23:59:59+08:00');
    expect(variables.step_Review_deadline).toBe('2026-12-08T23:59:59+08:00');
  });

  it('moves the review task due date and its step timers, over two pauses', async () => {
    const { id } = await caseStartedAt('2026-12-01T10:00:00+08:00');
    // Reach the review: complete the check by hand unless another file's worker already does.
    const [external] = await engine.externalTasks({ processInstanceId: id });
    if (external) await completeUnlessTaken(external.id);
    const [task] = await eventually(async () => {
      const tasks = await engine.tasks({ processInstanceId: id, taskDefinitionKey: 'Review' });
      return tasks.length > 0 && tasks;
    });
    expect(task!.due).toMatch(/^2026-12-04T/);

    await clockStops.pause(id, { reason: 'correction' }, 'clerk1', new Date('2026-12-02T09:00:00+08:00'));
    await clockStops.resume(id, {}, 'clerk1', new Date('2026-12-03T09:00:00+08:00')); // 1 working day
    await clockStops.pause(id, { reason: 'testing' }, 'clerk1', new Date('2026-12-04T09:00:00+08:00'));
    await clockStops.resume(id, {}, 'clerk1', new Date('2026-12-07T09:00:00+08:00')); // Fri → Mon: 1 working day

    const moved = await engine.task(task!.id);
    expect(moved.due).toMatch(/^2026-12-08T/); // 3 working days after 2026-12-01, plus 2 paused
    const [reviewRed] = await engine.jobs({ processInstanceId: id, activityId: 'ReviewRed' });
    expect(Date.parse(reviewRed!.dueDate!)).toBe(Date.parse('2026-12-08T23:59:59+08:00'));
    const { stops, paused } = await clockStops.list(id);
    expect(paused).toBe(false);
    expect(stops.map((stop) => [stop.reason, stop.shiftedWorkingDays])).toEqual([
      ['correction', 1],
      ['testing', 1],
    ]);
  });

  it('answers 409 for a pause while paused and a resume while running, and shows pauses in the timeline', async () => {
    // The window took the case in, so its clerk may stop the clock.
    const clerk = await t.login('window-clerk');
    const started = await t.app.inject({ method: 'POST', url: '/api/demo/cases', headers: clerk.headers, payload: { applicant: '孙七', materials: sampleMaterials('孙七') } });
    const { caseId } = started.json();
    const call = (action: 'pause' | 'resume', payload: object, session = clerk) =>
      t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/clock/${action}`, headers: session.headers, payload });

    const notPaused = await call('resume', {});
    expect(notPaused.statusCode).toBe(409);
    expect(notPaused.json()).toMatchObject({ error: 'CLOCK_NOT_STOPPED', message: '案件未暂停计时 / the case\'s clock is running' });
    expect((await call('pause', { reason: 'hearing', note: '申请听证' })).statusCode).toBe(201);
    const twice = await call('pause', { reason: 'hearing' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toBe('CLOCK_ALREADY_STOPPED');
    const badReason = await call('pause', { reason: 'lunch' });
    expect(badReason.statusCode).toBe(400);
    expect(badReason.json().details[0].field).toBe('body.reason');
    const resumed = await call('resume', { note: '听证结束' });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json().stop.shiftedWorkingDays).toBe(0);

    const view = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: clerk.headers });
    const kinds = (view.json().timeline as { kind: string }[]).map((entry) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(['step', 'pause', 'resume']));
    // Another department may not touch this case's clock, nor one it cannot see.
    const stranger = await t.login('housing-reviewer');
    expect((await call('pause', { reason: 'hearing' }, stranger)).statusCode).toBe(403);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/cases/00000000-0000-0000-0000-000000000000/clock/pause', headers: clerk.headers, payload: { reason: 'hearing' } });
    expect(unknown.statusCode).toBe(403);
  });
});

/** Completes an external task as a worker would, unless a worker holds it already. */
async function completeUnlessTaken(taskId: string): Promise<void> {
  const locked = await engine.lockExternalTask(taskId, 'clock-test', 60_000).then(() => true, () => false);
  if (locked) await engine.completeExternalTask(taskId, 'clock-test');
}
