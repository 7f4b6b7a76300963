/**
 * Migrating running cases between versions through the designer API: a case waiting at a
 * user task with a boundary timer keeps its timer's due date, the batch reports its
 * completion, and a case whose activity was removed stays on its version with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineClient, eventually, unique } from '../support/environment.js';
import { testApp, type Session, type TestApp } from '../support/app.js';
import { reviewProcess } from './support.js';

const engine = engineClient();
let t: TestApp;
let admin: Session;
let designer: Session;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('admin');
  designer = await t.login('designer');
});
afterAll(() => t.close());

async function deploy(key: string, xml: string): Promise<{ id: string; version: number }> {
  const response = await t.app.inject({ method: 'POST', url: '/api/designer/deploy', headers: designer.headers, payload: { files: [{ name: `${key}.bpmn`, xml }] } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().definitions[0];
}

/** User tasks in a row, each for the demo department; the first may carry the red boundary timer. */
function chain(key: string, version: string, tasks: string[]): string {
  const ids = ['Start', ...tasks, 'End'];
  const flows = ids.slice(1).map((target, index) => ({ id: `To${target}`, source: ids[index]!, target }));
  const incoming = (id: string) => flows.filter((flow) => flow.target === id).map((flow) => `<bpmn:incoming>${flow.id}</bpmn:incoming>`).join('');
  const outgoing = (id: string) => flows.filter((flow) => flow.source === id).map((flow) => `<bpmn:outgoing>${flow.id}</bpmn:outgoing>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="https://sunshine.example.org/test">
  <bpmn:process id="${key}" name="迁移测试" isExecutable="true" camunda:historyTimeToLive="P1D" camunda:versionTag="${version}">
    <bpmn:startEvent id="Start" name="开始">${outgoing('Start')}</bpmn:startEvent>
    ${tasks.map((task) => `<bpmn:userTask id="${task}" name="${task}" camunda:candidateGroups="demo" camunda:dueDate="\${step_${task}_deadline}">${incoming(task)}${outgoing(task)}</bpmn:userTask>`).join('\n    ')}
    <bpmn:endEvent id="End" name="结束">${incoming('End')}</bpmn:endEvent>
    ${flows.map((flow) => `<bpmn:sequenceFlow id="${flow.id}" sourceRef="${flow.source}" targetRef="${flow.target}" />`).join('\n    ')}
  </bpmn:process>
</bpmn:definitions>`;
}

function get(session: Session, url: string) {
  return t.app.inject({ method: 'GET', url, headers: session.headers });
}

async function untilDone(batchId: string) {
  return eventually(
    async () => {
      const response = await get(admin, `/api/designer/migrations/${batchId}`);
      expect(response.statusCode, response.body).toBe(200);
      const status = response.json();
      return status.done ? status : undefined;
    },
    60_000,
    `migration batch ${batchId} to finish`,
  );
}

describe('migration', () => {
  it('moves a case waiting at a user task with a boundary timer to v2, keeping the timer’s due date', async () => {
    const key = unique('migrate');
    const v1 = await deploy(key, reviewProcess({ key, boundaryTimer: true }));
    const instance = await engine.startProcess(key, { businessKey: `SP-${key}`, variables: { step_Review_deadline: '2099-01-05T23:59:59+08:00' } });
    const [timer] = await engine.jobs({ processInstanceId: instance.id, timers: true });
    // As after a clock stop: the timer was moved and no longer equals the variable.
    await engine.setJobDueDate(timer!.id, '2099-02-06T23:59:59+08:00');
    const v2 = await deploy(key, reviewProcess({ key, boundaryTimer: true, versionTag: '2.0', name: '设计器测试 v2' }));
    expect(v2.version).toBe(2);

    const cases = await get(admin, `/api/designer/procedures/${key}/cases?definitionId=${encodeURIComponent(v1.id)}`);
    expect(cases.json().cases).toEqual([{ caseId: instance.id, businessKey: `SP-${key}`, startTime: expect.any(String), state: 'ACTIVE' }]);
    expect((await get(admin, `/api/designer/procedures/other/cases?definitionId=${encodeURIComponent(v1.id)}`)).statusCode).toBe(404);

    const planned = await get(admin, `/api/designer/migration-plan?source=${encodeURIComponent(v1.id)}&target=${encodeURIComponent(v2.id)}`);
    expect(planned.statusCode, planned.body).toBe(200);
    const { plan, unmappedActivities, validation } = planned.json();
    expect(plan).toMatchObject({ sourceProcessDefinitionId: v1.id, targetProcessDefinitionId: v2.id });
    expect(plan.instructions).toEqual(
      expect.arrayContaining([
        { sourceActivityIds: ['Review'], targetActivityIds: ['Review'], updateEventTrigger: false },
        { sourceActivityIds: ['ReviewRed'], targetActivityIds: ['ReviewRed'], updateEventTrigger: false },
      ]),
    );
    expect(unmappedActivities).toEqual([]);
    expect(validation).toMatchObject({ valid: true, instructionReports: [] });

    const started = await t.app.inject({ method: 'POST', url: '/api/designer/migrations', headers: admin.headers, payload: { plan, processInstanceIds: [instance.id] } });
    expect(started.statusCode, started.body).toBe(202);
    const status = await untilDone(started.json().batchId);
    expect(status).toMatchObject({ total: 1, completed: 1, failed: 0, remaining: 0, done: true, failures: [] });

    const [migrated] = await engine.processInstances({ processInstanceIds: [instance.id] });
    expect(migrated!.definitionId).toBe(v2.id);
    const [kept] = await engine.jobs({ processInstanceId: instance.id, timers: true });
    expect(Date.parse(kept!.dueDate!)).toBe(Date.parse('2099-02-06T23:59:59+08:00'));
    const [task] = await engine.tasks({ processInstanceId: instance.id });
    expect(task).toMatchObject({ taskDefinitionKey: 'Review', processDefinitionId: v2.id });
    const audited = await t.database.auditEntry.findMany({ where: { action: 'procedure.migrate', subject: `batch:${started.json().batchId}` } });
    expect(audited).toHaveLength(1);
  });

  it('reports a case whose activity was removed, which stays on its version; the others migrate', async () => {
    const key = unique('migrate-gap');
    const v1 = await deploy(key, chain(key, '1.0', ['Review', 'Approve']));
    const variables = { step_Review_deadline: '2099-01-05T23:59:59+08:00', step_Approve_deadline: '2099-01-06T23:59:59+08:00' };
    const stuck = await engine.startProcess(key, { businessKey: `SP-${key}-1`, variables });
    const moving = await engine.startProcess(key, { businessKey: `SP-${key}-2`, variables });
    const [review] = await engine.tasks({ processInstanceId: moving.id });
    await engine.completeTask(review!.id);
    // Version 2 drops the review step.
    const v2 = await deploy(key, chain(key, '2.0', ['Approve']));

    const planned = (await get(admin, `/api/designer/migration-plan?source=${encodeURIComponent(v1.id)}&target=${encodeURIComponent(v2.id)}`)).json();
    expect(planned.plan.instructions).toEqual([{ sourceActivityIds: ['Approve'], targetActivityIds: ['Approve'], updateEventTrigger: false }]);
    expect(planned.unmappedActivities).toEqual([{ id: 'Review', name: 'Review', type: 'UserTask' }]);
    expect(planned.validation.valid).toBe(true);

    const started = await t.app.inject({ method: 'POST', url: '/api/designer/migrations', headers: admin.headers, payload: { plan: planned.plan, processInstanceIds: [stuck.id, moving.id] } });
    expect(started.statusCode, started.body).toBe(202);
    const status = await untilDone(started.json().batchId);
    expect(status).toMatchObject({ total: 2, completed: 1, failed: 1, done: true });
    expect(status.failures).toEqual([{ caseId: stuck.id, reason: expect.stringMatching(/Cannot migrate activity instance 'Review:.*no migration instruction/) }]);

    const instances = await engine.processInstances({ processInstanceIds: [stuck.id, moving.id] });
    expect(Object.fromEntries(instances.map((instance) => [instance.id, instance.definitionId]))).toEqual({ [stuck.id]: v1.id, [moving.id]: v2.id });
  });

  it('refuses an invalid plan and cases that are not on the source version', async () => {
    const key = unique('migrate-bad');
    const v1 = await deploy(key, chain(key, '1.0', ['Review']));
    const instance = await engine.startProcess(key, { variables: { step_Review_deadline: '2099-01-05T23:59:59+08:00' } });
    const v2 = await deploy(key, chain(key, '2.0', ['Review', 'Approve']));
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/designer/migrations', headers: admin.headers, payload });

    const invalid = await post({ plan: { sourceProcessDefinitionId: v1.id, targetProcessDefinitionId: v2.id, instructions: [{ sourceActivityIds: ['Review'], targetActivityIds: ['End'] }] }, processInstanceIds: [instance.id] });
    expect(invalid.statusCode, invalid.body).toBe(400);
    expect(invalid.json()).toMatchObject({ error: 'MIGRATION_PLAN_INVALID', details: { instructionReports: [{ failures: [expect.any(String)] }] } });

    const plan = { sourceProcessDefinitionId: v2.id, targetProcessDefinitionId: v1.id, instructions: [{ sourceActivityIds: ['Review'], targetActivityIds: ['Review'] }] };
    const elsewhere = await post({ plan, processInstanceIds: [instance.id] });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({ error: 'CASES_NOT_ON_SOURCE', details: { caseIds: [instance.id] } });

    expect((await get(admin, `/api/designer/migration-plan?source=nowhere:1:x&target=${encodeURIComponent(v1.id)}`)).statusCode).toBe(404);
    expect((await get(admin, '/api/designer/migrations/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
  });
});
