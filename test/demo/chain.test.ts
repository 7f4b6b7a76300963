/**
 * The demo chain end to end on the real engine: the API starts a case → a worker
 * completes the external task → a user task appears → the API completes it → history
 * shows the path. Plus the BPMN-error branch and the yellow-warning timer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployShippedProcesses } from '../../src/engine/deploy-processes.js';
import { TOPICS } from '../../workers/registry.js';
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
  workers = new WorkerRuntime(TOPICS, { engineUrl: env.engineRestUrl, user: env.engineUser, password: env.enginePassword, logger: captureLogger('warn').logger, longPollMs: 5_000 });
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
    expect(Date.parse(withTask.tasks[0]!.due!)).toBe(Date.parse(started.deadline));

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

  it('fires the yellow-warning timer within seconds of its due time', async () => {
    const now = Date.now();
    const yellowAt = new Date(now + 2_000 + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    const deadline = new Date(now + 3_600_000).toISOString();
    const started = await startCase({ applicant: '王五', materials: ['application-form', 'id-card'], yellowAt, deadline });
    const warned = await eventually(async () => {
      const steps = await engine.historicActivityInstances(started.caseId);
      const recorded = steps.find((step) => step.activityId === 'WarningRecorded');
      return recorded && steps;
    }, 20_000, 'the yellow warning path');
    const timer = warned.find((step) => step.activityId === 'YellowWarning')!;
    const lateness = Date.parse(timer.startTime) - Date.parse(yellowAt);
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(8_000);
    // Non-interrupting: the review task is still open.
    const view = await getCase(started.caseId);
    expect(view.state).toBe('ACTIVE');
    expect(view.tasks).toHaveLength(1);
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
