/** The API's own surface: probes, status, OpenAPI, error format. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { pendingMigrations } from '../../src/database/migrate.js';
import { EngineClient } from '../../src/engine/client.js';
import { deployShippedProcesses } from '../../src/engine/deploy-processes.js';
import { freePort } from '../../src/net/free-port.js';
import { DEMO_PASSWORD, login, testApp, testConfig, type TestApp } from '../support/app.js';
import { engineClient, testEnvironment, unique } from '../support/environment.js';
import { captureLogger } from '../support/logs.js';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  await deployShippedProcesses(engineClient());
});
afterAll(() => t.close());

describe('API surface', () => {
  it('answers /health and /ready when engine and migrations are fine', async () => {
    expect((await t.app.inject('/health')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ ready: true, engine: { ok: true, detail: 'Camunda 7.24.0' }, migrations: { ok: true } });
  });

  it('shows engine status and deployed procedures publicly', async () => {
    const response = await t.app.inject('/api/status');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.engine).toMatchObject({ reachable: true, version: '7.24.0' });
    expect(body.processes).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'sunshine-demo', versionTag: '4.0' })]));
  });

  it('serves the OpenAPI document with the routes and their schemas', async () => {
    const html = await t.app.inject('/docs');
    expect([200, 302]).toContain(html.statusCode);
    const spec = (await t.app.inject('/docs/json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/health', '/ready', '/api/status', '/api/demo/cases', '/api/cases/{caseId}', '/api/inbox', '/api/auth/login']));
    expect(spec.paths['/api/demo/cases'].post.requestBody.content['application/json'].schema.required).toEqual(['applicant', 'materials']);
  });

  it('answers unknown routes and malformed JSON in the error format', async () => {
    const missing = await t.app.inject('/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'NOT_FOUND', message: expect.stringContaining(' / ') });
    const clerk = await t.login('window-clerk');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/demo/cases',
      headers: { ...clerk.headers, 'content-type': 'application/json' },
      payload: '{"applicant": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).not.toMatch(/at .*\.js/);
  });

  it('reports not ready when migrations are pending or the engine is down', async () => {
    const env = testEnvironment();
    const name = unique('empty').replace('-', '_');
    const admin = new pg.Client({ connectionString: env.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const emptyUrl = env.adminUrl.replace(/\/postgres$/, `/${name}`);
    const deadEngine = new EngineClient({ baseUrl: `http://127.0.0.1:${await freePort()}/engine-rest`, user: 'x', password: 'y' });
    const config = testConfig(emptyUrl, { SUNSHINE_ENGINE_URL: deadEngine.baseUrl });
    const app = await buildApp({ config, engine: deadEngine, database: t.database, logger: captureLogger('silent').logger, pendingMigrations: () => pendingMigrations(emptyUrl), serveWeb: false });
    const ready = await app.inject('/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ ready: false, engine: { ok: false }, migrations: { ok: false, detail: expect.stringContaining('pending') } });
    const status = (await app.inject('/api/status')).json();
    expect(status.engine).toMatchObject({ reachable: false, message: '流程引擎不可达 / the process engine is unreachable' });
    const clerk = await login(app, 'window-clerk', DEMO_PASSWORD);
    const demo = await app.inject({ method: 'POST', url: '/api/demo/cases', headers: clerk.headers, payload: { applicant: 'x', materials: [] } });
    expect(demo.statusCode).toBe(503);
    expect(demo.json().error).toBe('ENGINE_UNAVAILABLE');
    await app.close();
  });
});
