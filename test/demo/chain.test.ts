/**
 * The demo chain end to end on the real engine: the window takes an application in → a
 * worker checks the materials → a review task appears in the department's inbox → the
 * reviewer claims and decides through the API → the case file shows path and opinion.
 * Plus the BPMN-error branch, deadlines from the calendar and the warning pattern.
 */
import { createWorkerServices } from '../../workers/services.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMaterials } from '../../src/demo/sample-files.js';
import { deployShippedProcesses } from '../../src/engine/deploy-processes.js';
import { TOPICS } from '../../workers/registry.js';
import { WorkerRuntime } from '../../workers/runtime/runtime.js';
import { supervisionWarn } from '../../workers/supervision/warn.js';
import { testApp, type Session, type TestApp } from '../support/app.js';
import { engineClient, eventually, testEnvironment, unique } from '../support/environment.js';
import { captureLogger } from '../support/logs.js';

let t: TestApp;
let workers: WorkerRuntime;
let clerk: Session;
let reviewer: Session;
const engine = engineClient();

interface CaseFile {
  state: string;
  tasks: { id: string; name: string; step: string; due: string | null; assignee: string | null }[];
  opinions: { step: string; decision: string; opinion: string; author: string; department: string }[];
  timeline: { kind: string; text: string }[];
  deadlines: { deadline: string; steps: Record<string, { deadline: string }> } | null;
  materials: { id: string; code: string; contentType: string }[];
  documents: { number: string; kind: string }[];
}

async function takeIn(applicant: string, codes = ['application-form', 'id-card']) {
  const materials = sampleMaterials(applicant).filter((material) => codes.includes(material.code));
  const response = await t.app.inject({ method: 'POST', url: '/api/demo/cases', headers: clerk.headers, payload: { applicant, materials } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { caseId: string; businessKey: string; deadline: string; yellowAt: string };
}

async function caseFile(caseId: string, session = reviewer): Promise<CaseFile> {
  const response = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: session.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function reviewTask(caseId: string) {
  return eventually(async () => {
    const [task] = await engine.tasks({ processInstanceId: caseId, taskDefinitionKey: 'Review' });
    return task;
  }, 20_000, 'the review task');
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
    services: createWorkerServices(t.config, t.database, engine),
    // Other files run the shipped topics for their procedures on the same engine.
    processDefinitionKeys: ['sunshine-demo'],
  });
  workers.start();
  clerk = await t.login('window-clerk');
  reviewer = await t.login('demo-reviewer');
});

afterAll(async () => {
  await workers.stop();
  await t.close();
});

describe('demo procedure', () => {
  it('runs intake → worker → inbox → claim → decision → case file', async () => {
    const started = await takeIn('张三');
    expect(started.businessKey).toMatch(/^DEMO-\d{8}-[0-9A-F]{6}$/);
    expect(started.deadline).toMatch(/\+08:00$/);

    const task = await reviewTask(started.caseId);
    const inbox = await t.app.inject({ method: 'GET', url: `/api/inbox?q=${started.businessKey}`, headers: reviewer.headers });
    expect(inbox.json().items).toEqual([expect.objectContaining({ id: task.id, applicant: '张三', businessKey: started.businessKey, status: 'normal', assignee: null })]);

    const form = (await t.app.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers: reviewer.headers })).json();
    expect(form.form.map((field: { id: string }) => field.id)).toEqual(['decision', 'opinion', 'missingItems']);

    expect((await t.app.inject({ method: 'POST', url: `/api/tasks/${task.id}/claim`, headers: reviewer.headers })).statusCode).toBe(204);
    const complete = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      headers: reviewer.headers,
      payload: { values: { decision: 'approve', opinion: '材料齐全，同意 / complete, approved' } },
    });
    expect(complete.statusCode, complete.body).toBe(204);

    const done = await eventually(async () => {
      const view = await caseFile(started.caseId);
      return view.state === 'COMPLETED' && view;
    }, 20_000, 'the decision documents');
    expect(done.timeline.filter((entry) => entry.kind === 'step').map((entry) => entry.text)).toEqual([
      '收件 / received',
      '材料核验 / check materials',
      '部门审查 / department review',
      '出具决定书 / issue the decision',
      '办结 / decided',
    ]);

    // The decision letter and the e-licence are signed PDFs anyone can verify by number.
    const issued = await t.database.signedDocument.findMany({ where: { caseId: started.caseId }, orderBy: { kind: 'asc' } });
    expect(issued.map((document) => document.kind).sort()).toEqual(['decision', 'licence']);
    expect(done.documents.map((document) => document.number).sort()).toEqual(issued.map((document) => document.number).sort());
    for (const document of issued) {
      expect(Buffer.from(document.content).subarray(0, 5).toString()).toBe('%PDF-');
      const verification = (await t.app.inject(`/api/verify/${document.number}`)).json();
      expect(verification.report).toMatchObject({ status: 'valid', signers: [expect.objectContaining({ signer: 'demo', status: 'valid' })] });
      expect(verification.document.caseId).toBeUndefined();
    }
    expect(done.opinions).toEqual([expect.objectContaining({ step: 'Review', decision: 'approve', author: 'demo-reviewer', department: 'demo' })]);
    const audit = await t.database.auditEntry.findMany({ where: { subject: started.caseId }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['case.intake', 'task.claim', 'task.complete']);
    expect(done.state).toBe('COMPLETED');
  });

  it('ends in a correction request when materials are missing (BPMN error)', async () => {
    const started = await takeIn('李四', ['application-form']);
    await eventually(async () => (await engine.historicProcessInstance(started.caseId)).state === 'COMPLETED', 20_000, 'the correction branch');
    const ids = (await engine.historicActivityInstances(started.caseId)).map((step) => step.activityId);
    expect(ids).toEqual(['Received', 'CheckMaterials', 'MaterialsIncomplete', 'CorrectionRequested']);
  });

  it('plans deadlines in working days from the calendar', async () => {
    const started = await takeIn('赵六');
    const task = await reviewTask(started.caseId);
    const view = await caseFile(started.caseId);
    expect(view.deadlines!.deadline).toBe(started.deadline);
    expect(started.deadline).toMatch(/T23:59:59\+08:00$/);
    expect(Date.parse(task.due!)).toBe(Date.parse(view.deadlines!.steps.Review!.deadline));
    const timers = await engine.jobs({ processInstanceId: started.caseId, timers: true });
    expect(timers).toHaveLength(4); // step yellow + red, case yellow + red
  });

  it('fires a due warning timer within seconds, records it once, and escalates a red one', async () => {
    const started = await takeIn('王五');
    await reviewTask(started.caseId);
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
    // Red on the whole case as well.
    await engine.executeJob((await byActivity('CaseRed')).id);
    await eventually(async () => (await engine.tasks({ processInstanceId: started.caseId, candidateGroup: 'demo-head' })).length === 2, 20_000, 'the case escalation task');

    const warnings = await t.database.warning.findMany({ where: { caseId: started.caseId }, orderBy: { id: 'asc' } });
    expect(warnings.map((w) => `${w.scope}:${w.level}`)).toEqual(['step:yellow', 'step:red', 'case:red']);
    const view = await caseFile(started.caseId);
    expect(view.timeline.filter((entry) => entry.kind === 'warning')).toHaveLength(3);
    // The review task itself is still open: the warnings do not interrupt it.
    expect(view.tasks.map((task) => task.step)).toContain('Review');
    // The head sees the escalations in the head's inbox; the reviewer does not.
    const head = await t.login('demo-head');
    const headInbox = (await t.app.inject({ method: 'GET', url: `/api/inbox?q=${started.businessKey}`, headers: head.headers })).json();
    expect(headInbox.items.map((item: { name: string }) => item.name).sort()).toEqual(['督办：审查超期 / supervision order: review overdue', '督办：案件超期 / supervision order: case overdue', '部门审查 / department review'].sort());
    const reviewerInbox = (await t.app.inject({ method: 'GET', url: `/api/inbox?q=${started.businessKey}`, headers: reviewer.headers })).json();
    expect(reviewerInbox.items.map((item: { name: string }) => item.name)).toEqual(['部门审查 / department review']);
    expect(reviewerInbox.items[0].status).toBe('normal');

    // Once its due date has passed the task is red in the inbox, and the status filter finds it.
    const review = await reviewTask(started.caseId);
    await engine.setTaskDue(review.id, new Date(Date.now() - 3_600_000).toISOString());
    const red = (await t.app.inject({ method: 'GET', url: `/api/inbox?status=red&q=${started.businessKey}`, headers: reviewer.headers })).json();
    expect(red.items).toEqual([expect.objectContaining({ id: review.id, status: 'red', workingDaysLeft: expect.any(Number) })]);
    expect(red.items[0].workingDaysLeft).toBeLessThanOrEqual(0);
    const normal = (await t.app.inject({ method: 'GET', url: `/api/inbox?status=normal&q=${started.businessKey}`, headers: reviewer.headers })).json();
    expect(normal.items).toEqual([]);
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

  it('rejects bad intake with 400 naming the field and the rule', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/demo/cases', headers: clerk.headers, payload: { applicant: '', materials: 'id-card' } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/^请求参数无效 \/ invalid request: /);
    expect(body.details.map((detail: { field: string }) => detail.field)).toEqual(expect.arrayContaining(['body.applicant', 'body.materials']));
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/demo/cases',
      headers: clerk.headers,
      payload: { applicant: 'x', materials: [{ code: 'id-card', fileName: 'a.exe', contentType: 'application/x-msdownload', contentBase64: 'AAAA' }] },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().details[0].field).toBe('body.materials.0.contentType');
  });

  it('validates the decision form on the server, including "required when"', async () => {
    const started = await takeIn('周八');
    const task = await reviewTask(started.caseId);
    await t.app.inject({ method: 'POST', url: `/api/tasks/${task.id}/claim`, headers: reviewer.headers });
    const missing = await t.app.inject({ method: 'POST', url: `/api/tasks/${task.id}/complete`, headers: reviewer.headers, payload: { values: { decision: 'correction', opinion: '缺少材料' } } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([expect.objectContaining({ field: 'values.missingItems', message: expect.stringContaining('required when decision is correction') })]);
    const unknownChoice = await t.app.inject({ method: 'POST', url: `/api/tasks/${task.id}/complete`, headers: reviewer.headers, payload: { values: { decision: 'maybe', opinion: 'x y' } } });
    expect(unknownChoice.json().details[0].field).toBe('values.decision');
    const extra = await t.app.inject({ method: 'POST', url: `/api/tasks/${task.id}/complete`, headers: reviewer.headers, payload: { values: { decision: 'approve', opinion: '同意', approvedBy: 'someone' } } });
    expect(extra.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      headers: reviewer.headers,
      payload: { values: { decision: 'correction', opinion: '请补正', missingItems: '营业执照副本' } },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    await eventually(async () => (await engine.historicProcessInstance(started.caseId)).state === 'COMPLETED', 20_000, 'the correction notice');
    const [notice] = await t.database.signedDocument.findMany({ where: { caseId: started.caseId } });
    expect(notice!.kind).toBe('decision');
  });

  it('serves the materials for preview to whoever may see the case', async () => {
    const started = await takeIn('吴九');
    await reviewTask(started.caseId);
    const view = await caseFile(started.caseId);
    const pdf = view.materials.find((material) => material.code === 'application-form')!;
    const response = await t.app.inject({ method: 'GET', url: `/api/cases/${started.caseId}/materials/${pdf.id}`, headers: reviewer.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await t.login('housing-reviewer');
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${started.caseId}/materials/${pdf.id}`, headers: other.headers })).statusCode).toBe(403);
  });
});
