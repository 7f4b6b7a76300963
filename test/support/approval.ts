/**
 * One world for the approval procedures' tests: an app on a fresh database with the demo
 * catalogue, the shipped procedures and their workers. The workers serve only approval
 * procedures, and all approval flows run in one test file (test/approval/procedures.test.ts),
 * because the called correction procedure is shared and a worker of another file's
 * database must not take its tasks.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_CATALOGUE, seedCatalogue } from '../../src/catalogue/seed.js';
import { sampleUploads } from '../../src/demo/sample-files.js';
import { deployShippedProcesses } from '../../src/engine/deploy-processes.js';
import { TOPICS } from '../../workers/registry.js';
import { WorkerRuntime } from '../../workers/runtime/runtime.js';
import { createWorkerServices } from '../../workers/services.js';
import { testApp, type Session, type TestApp } from './app.js';
import { engineClient, eventually, testEnvironment } from './environment.js';
import { captureLogger } from './logs.js';

export const APPROVAL_PROCESSES = ['approval-general', 'approval-business-licence', 'approval-construction-parallel', 'approval-correction'];

export const world = {} as { t: TestApp; workers: WorkerRuntime };
export const engine = engineClient();
const sessions = new Map<string, Session>();

export async function as(username: string): Promise<Session> {
  if (!sessions.has(username)) sessions.set(username, await world.t.login(username));
  return sessions.get(username)!;
}

export function item(code: string) {
  return DEMO_CATALOGUE.find((entry) => entry.code === code)!;
}

export const PROJECT = { name: '阳光大厦', address: '阳光市滨河路 9 号', type: 'commercial' as const, floorAreaM2: 30_000, heightM: 60 };

export async function submit(itemCode: string, options: { session?: Session; applicant?: string; materials?: unknown[]; project?: object; greenChannel?: boolean } = {}) {
  const applicant = options.applicant ?? '阳光实业有限公司';
  return world.t.app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: (options.session ?? (await as('citizen'))).headers,
    payload: {
      itemCode,
      applicant,
      project: options.project ?? PROJECT,
      ...(options.greenChannel === undefined ? {} : { greenChannel: options.greenChannel }),
      materials: options.materials ?? sampleUploads(item(itemCode).materials, applicant),
    },
  });
}

export async function submitted(itemCode: string, options: Parameters<typeof submit>[1] = {}) {
  const response = await submit(itemCode, options);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { caseId: string; businessKey: string; deadline: string; catalogueVersion: number };
}

export function task(caseId: string, key: string, candidateGroup?: string) {
  return eventually(async () => {
    const [found] = await engine.tasks({ processInstanceId: caseId, taskDefinitionKey: key, ...(candidateGroup ? { candidateGroup } : {}) });
    return found;
  }, 30_000, `task ${key}${candidateGroup ? ` of ${candidateGroup}` : ''}`);
}

/** Claims and completes the open `key` task (of `group`, where several departments have one). */
export async function decide(username: string, caseId: string, key: string, values: Record<string, unknown>, expected = 204, group?: string) {
  const session = await as(username);
  const open = await task(caseId, key, group);
  const claim = await world.t.app.inject({ method: 'POST', url: `/api/tasks/${open.id}/claim`, headers: session.headers });
  expect(claim.statusCode, claim.body).toBe(204);
  const response = await world.t.app.inject({ method: 'POST', url: `/api/tasks/${open.id}/complete`, headers: session.headers, payload: { values } });
  expect(response.statusCode, response.body).toBe(expected);
  return response;
}

export function finished(caseId: string) {
  return eventually(async () => (await engine.processInstances({ processInstanceIds: [caseId] })).length === 0, 30_000, 'the case to finish');
}

export async function fireTimer(caseId: string, activityId: string) {
  const job = await eventually(async () => (await engine.jobs({ processInstanceId: caseId, timers: true, activityId }))[0], 20_000, `timer ${activityId}`);
  await engine.setJobDueDate(job.id, new Date(Date.now() - 1000));
}

export function approvalWorld(): void {
  beforeAll(async () => {
    world.t = await testApp();
    await seedCatalogue(world.t.database);
    await deployShippedProcesses(engine);
    const env = testEnvironment();
    world.workers = new WorkerRuntime(TOPICS, {
      engineUrl: env.engineRestUrl,
      user: env.engineUser,
      password: env.enginePassword,
      logger: captureLogger('warn').logger,
      longPollMs: 5_000,
      services: createWorkerServices(world.t.config, world.t.database, engine),
      processDefinitionKeys: APPROVAL_PROCESSES,
    });
    world.workers.start();
  });

  afterAll(async () => {
    await world.workers?.stop();
    await world.t?.close();
  });
}
