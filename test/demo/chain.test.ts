/**
 * The demo chain end to end on the real engine: the API starts a case → a worker
 * completes the external task → a user task appears → the API completes it → history
 * shows the path. Plus the BPMN-error branch and the yellow-warning timer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployShippedProcesses } from '../../src/engine/deploy-processes.js';
import { TOPICS } from '../../workers/registry.js';
import { supervisionWarn } from '../../workers/supervision/warn.js';
import { WorkerRuntime } from '../../workers/runtime/runtime.js';
import { testApp, type TestApp } from '../support/app.js';
import { engineClient, eventually, testEnvironment, unique } from '../support/environment.js';
import { captureLogger } from '../support/logs.js';

let t: TestApp;
let workers: WorkerRuntime;
const engine = engineClient();

interface CaseView {
  state: string;
  tasks: { id: string; name: string; due: string | null }[];
  path: { activityId: string; endTime: string | null }[];
  variables: Record<string, unknown>;
}

async function startCase(body: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'POST', url: '/api/demo/cases', headers: { authorization: t.adminAuth }, payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { caseId: string; businessKey: string; deadline: string; yellowAt: string };
}

async function getCase(caseId: string): Promise<CaseView> {
  const response = await t.app.inject({ method: 'GET', url: `/api/demo/cases/${caseId}`, headers: { authorization: t.adminAuth } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  t = await testApp();
  await deployShippedProcesses(engine);
  const env = testEnvironment();
  workers = new WorkerRuntime(TOPICS, {
    engineUrl: env.engineRestUrl,
    user: env.engineUser,
    password: env.enginePassword,
    logger: captureLogger('warn').logger,
    longPollMs: 5_000,
    services: { database: t.database, engine },
  });
  workers.start();
});

afterAll(async () => {
  await workers.stop();
  await t.close();
});

describe('demo procedure', () => {
  it('runs API → worker → user task → API → history', async () => {
    const started = await startCase({ applicant: '张三', materials: ['application-form', 'id-card'] });
    expect(started.businessKey).toMatch(/^DEMO-\d{8}-[0-9A-F]{6}$/);
    expect(started.deadline).toMatch(/\+08:00$/);

    const withTask = await eventually(async () => {
      const view = await getCase(started.caseId);
      return view.tasks.length > 0 && view;
    }, 20_000, 'the review task');
    expect(withTask.variables.materialsComplete).toBe(true);
    expect(withTask.tasks[0]!.name).toBe('部门审查 / department review');

    const complete = await t.app.inject({
      method: 'POST',
      url: `/api/demo/tasks/${withTask.tasks[0]!.id}/complete`,
      headers: { authorization: t.adminAuth },
      payload: { decision: 'approve', opinion: '材料齐全，同意 / complete, approved' },
    });
    expect(complete.statusCode, complete.body).toBe(204);

    const done = await getCase(started.caseId);
    expect(done.state).toBe('COMPLETED');
    expect(done.path.map((step) => step.activityId)).toEqual(['Received', 'CheckMaterials', 'Review', 'Decided']);

    const audit = await t.database.auditEntry.findMany({ where: { subject: started.businessKey }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['demo.case.start', 'demo.task.complete']);
  });

  it('ends in a correction request when materials are missing (BPMN error)', async () => {
    const started = await startCase({ applicant: '李四', materials: ['application-form'] });
    const done = await eventually(async () => {
      const view = await getCase(started.caseId);
      return view.state === 'COMPLETED' && view;
    }, 20_000, 'the correction branch');
    expect(done.path.map((step) => step.activityId)).toEqual(['Received', 'CheckMaterials', 'MaterialsIncomplete', 'CorrectionRequested']);
  });

  it('plans deadlines in working days from the calendar', async () => {
    const started = await startCase({ applicant: '赵六', materials: ['application-form', 'id-card'] });
    const view = await eventually(async () => {
      const current = await getCase(started.caseId);
      return current.tasks.length > 0 && current;
    }, 20_000, 'the review task');
    const plan = view.variables.deadlinePlan as { days: number; deadline: string; steps: { Review: { deadline: string } } };
    expect(plan.days).toBe(5);
    expect(started.deadline).toBe(plan.deadline);
    expect(started.deadline).toMatch(/T23:59:59\+08:00$/);
    expect(Date.parse(view.tasks[0]!.due!)).toBe(Date.parse(plan.steps.Review.deadline));
    const timers = await engine.jobs({ processInstanceId: started.caseId, timers: true });
    expect(timers).toHaveLength(4); // step yellow + red, case yellow + red
  });

  it('fires a due warning timer within seconds, records it once, and escalates a red one', async () => {
    const started = await startCase({ applicant: '王五', materials: ['application-form', 'id-card'] });
    await eventually(async () => (await getCase(started.caseId)).tasks.length > 0, 20_000, 'the review task');
    const byActivity = async (activityId: string) => {
      const [found] = await engine.jobs({ processInstanceId: started.caseId, activityId });
      if (!found) throw new Error(`no timer on ${activityId}`);
      return found;
    };

    // Yellow on the step: make the timer due in 2 s and let the job executor find it.
    const yellow = await byActivity('ReviewYellow');
    const due = new Date(Date.now() + 2_000);
    await engine.setJobDueDate(yellow.id, due);
    const warning = await eventually(async () => (await t.database.warning.findFirst({ where: { caseId: started.caseId, level: 'yellow', scope: 'step' } })) ?? undefined, 20_000, 'the yellow warning');
    const steps = await engine.historicActivityInstances(started.caseId);
    const fired = steps.find((step) => step.activityId === 'ReviewYellow')!;
    const lateness = Date.parse(fired.startTime) - due.getTime();
    expect(lateness).toBeGreaterThanOrEqual(-1_000); // the engine stores due dates to the second
    expect(lateness).toBeLessThan(8_000);
    expect(warning).toMatchObject({ step: 'Review', department: 'demo', businessKey: started.businessKey });

    // Red on the step: forcing the timer records a red warning and opens a 督办 task for the head.
    await engine.executeJob((await byActivity('ReviewRed')).id);
    await eventually(async () => (await engine.tasks({ processInstanceId: started.caseId, taskDefinitionKey: 'EscalateReview' })).length === 1, 20_000, 'the escalation task');
    expect(await engine.tasks({ processInstanceId: started.caseId, candidateGroup: 'demo-head' })).toHaveLength(1);
    // Red on the whole case as well.
    await engine.executeJob((await byActivity('CaseRed')).id);
    await eventually(async () => (await engine.tasks({ processInstanceId: started.caseId, candidateGroup: 'demo-head' })).length === 2, 20_000, 'the case escalation task');

    const warnings = await t.database.warning.findMany({ where: { caseId: started.caseId }, orderBy: { id: 'asc' } });
    expect(warnings.map((w) => `${w.scope}:${w.level}`)).toEqual(['step:yellow', 'step:red', 'case:red']);
    const view = await getCase(started.caseId);
    expect((view as unknown as { timeline: { kind: string }[] }).timeline.filter((entry) => entry.kind === 'warning')).toHaveLength(3);
    // The review task itself is still open: the warnings do not interrupt it.
    expect(view.tasks.map((task) => task.name)).toContain('部门审查 / department review');
  });

  it('records a warning once when its task is delivered twice', async () => {
    const context = {
      taskId: unique('ext-task'),
      businessKey: 'DEMO-TWICE',
      processInstanceId: '00000000-0000-0000-0000-00000000beef',
      retries: null,
      log: captureLogger('silent').logger,
      signal: new AbortController().signal,
      activityId: 'WarnCaseYellow',
      services: { database: t.database, engine },
    };
    const input = { level: 'yellow' as const, scope: 'case' as const, department: 'demo', due: '2026-12-01T23:59:59+08:00' };
    await supervisionWarn.handler(input, context);
    await supervisionWarn.handler(input, context);
    expect(await t.database.warning.count({ where: { externalTaskId: context.taskId } })).toBe(1);
  });

  it('rejects bad input with 400 naming the field and the rule', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/demo/cases',
      headers: { authorization: t.adminAuth },
      payload: { applicant: '', materials: 'id-card' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/^请求参数无效 \/ invalid request: /);
    expect(body.details.map((detail: { field: string }) => detail.field)).toEqual(expect.arrayContaining(['body.applicant', 'body.materials']));
  });

  it('requires the administrator for demo routes and refuses a wrong password', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/demo/cases', payload: { applicant: 'x', materials: [] } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error).toBe('UNAUTHENTICATED');
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/api/demo/cases/00000000-0000-0000-0000-000000000000',
      headers: { authorization: `Basic ${Buffer.from('admin:wrong-password').toString('base64')}` },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('does not open tasks of other procedures through the demo door', async () => {
    const key = unique('other');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
  <bpmn:process id="${key}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Secret" camunda:candidateGroups="land"><bpmn:incoming>F1</bpmn:incoming></bpmn:userTask>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Secret" />
  </bpmn:process>
</bpmn:definitions>`;
    await engine.deploy({ name: key, files: [{ name: `${key}.bpmn`, content: xml }] });
    const instance = await engine.startProcess(key);
    const [task] = await engine.tasks({ processInstanceId: instance.id });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/demo/tasks/${task!.id}/complete`,
      headers: { authorization: t.adminAuth },
      payload: { decision: 'approve', opinion: 'x' },
    });
    expect(response.statusCode).toBe(404);
    expect(await engine.tasks({ processInstanceId: instance.id })).toHaveLength(1);
  });

  it('answers 404 for an unknown case, never a 500', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/demo/cases/00000000-0000-0000-0000-000000000000', headers: { authorization: t.adminAuth } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe('NOT_FOUND');
  });
});
