/** The designer API on the real engine and database: drafts, lint, templates, deploy with checks. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSES_DIR, deployFiles } from '../../src/engine/deploy-processes.js';
import { engineClient, unique } from '../support/environment.js';
import { testApp, type Session, type TestApp } from '../support/app.js';
import { TOPICS } from '../../workers/registry.js';
import { reviewProcess } from './support.js';

let t: TestApp;
let designer: Session;
let reviewer: Session;

beforeAll(async () => {
  t = await testApp();
  designer = await t.login('designer');
  reviewer = await t.login('demo-reviewer');
});
afterAll(() => t.close());

function post(session: Session, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: session.headers });
}
function get(session: Session, url: string) {
  return t.app.inject({ method: 'GET', url, headers: session.headers });
}

describe('drafts', () => {
  it('saves, lists and loads drafts of a procedure', async () => {
    const key = unique('draft');
    const first = await post(designer, `/api/designer/procedures/${key}/drafts`, { xml: reviewProcess({ key, name: '草稿流程' }), comment: '初稿' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id: expect.any(Number), processKey: key, name: '草稿流程', comment: '初稿', author: 'designer', xml: expect.stringContaining(key) });
    const second = await post(designer, `/api/designer/procedures/${key}/drafts`, { xml: reviewProcess({ key, versionTag: '1.1' }), comment: '修订' });
    expect(second.statusCode).toBe(201);

    const list = await get(designer, `/api/designer/procedures/${key}/drafts`);
    expect(list.json().drafts.map((draft: { comment: string }) => draft.comment)).toEqual(['修订', '初稿']);
    expect(list.json().drafts[0]).not.toHaveProperty('xml');
    const loaded = await get(designer, `/api/designer/drafts/${first.json().id}`);
    expect(loaded.json().xml).toBe(reviewProcess({ key, name: '草稿流程' }));
    expect((await get(designer, '/api/designer/drafts/99999999')).statusCode).toBe(404);

    // A key that exists only as drafts is listed with its latest draft.
    const procedures = (await get(designer, '/api/designer/procedures')).json().procedures as { key: string; versions: unknown[]; latestDraft: { comment: string } | null }[];
    expect(procedures.find((procedure) => procedure.key === key)).toMatchObject({ versions: [], latestDraft: { comment: '修订' } });
  });

  it('refuses a draft that is not well-formed or does not define the process', async () => {
    const key = unique('draft');
    const broken = await post(designer, `/api/designer/procedures/${key}/drafts`, { xml: reviewProcess({ key }).replace('<bpmn:endEvent id="End" name="办结">', '<bpmn:endEvent id="End" name="办结"><x>') });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: 'BPMN_PARSE_ERROR', details: [{ line: expect.any(Number), column: expect.any(Number), elementIds: ['End'] }] });
    const other = await post(designer, `/api/designer/procedures/${key}/drafts`, { xml: reviewProcess({ key: 'someone_else' }) });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ error: 'PROCESS_KEY_MISMATCH', details: { processKey: key, found: ['someone_else'] } });
  });
});

describe('templates and lint', () => {
  it('serves the element templates and the browser lint context', async () => {
    const templates = await get(designer, '/api/designer/templates');
    expect(templates.statusCode).toBe(200);
    expect(templates.json()).toHaveLength(TOPICS.length + 1);
    const context = (await get(designer, '/api/designer/lint-context')).json();
    expect(context.topics).toEqual(expect.arrayContaining(['supervision.warn', 'demo.check-materials', 'fire.precheck']));
    expect(context.departments).toEqual(expect.arrayContaining(['demo', 'window', 'fire']));
  });

  it('lints a diagram with the database departments', async () => {
    const key = unique('lint');
    const clean = await post(designer, '/api/designer/lint', { xml: reviewProcess({ key }) });
    expect(clean.json().problems.filter((problem: { category: string }) => problem.category === 'error')).toEqual([]);
    const bad = await post(designer, '/api/designer/lint', { xml: reviewProcess({ key }).replace('camunda:candidateGroups="demo"', 'camunda:candidateGroups="tax"') });
    expect(bad.json().problems).toContainEqual({ rule: 'sunshine/candidate-group-known', elementId: 'Review', message: expect.stringContaining('"tax"'), category: 'error' });
    // A department added by the administrator is known at once.
    await t.database.department.create({ data: { code: 'tax', nameZh: '市税务局', nameEn: 'Tax Bureau', level: 'city', parentCode: 'city' } });
    const now = await post(designer, '/api/designer/lint', { xml: reviewProcess({ key }).replace('camunda:candidateGroups="demo"', 'camunda:candidateGroups="tax,tax-head"') });
    expect(now.json().problems.filter((problem: { rule: string }) => problem.rule === 'sunshine/candidate-group-known')).toEqual([]);
  });
});

describe('deploy', () => {
  it('deploys a checked diagram; an unchanged one is a no-op; every deploy is recorded and audited', async () => {
    const key = unique('deploy');
    const files = [{ name: `${key}.bpmn`, xml: reviewProcess({ key }) }];
    const first = await post(designer, '/api/designer/deploy', { files, comment: '首次上线' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ deploymentId: expect.any(String), duplicate: false, definitions: [{ key, version: 1, id: expect.stringContaining(key) }], decisions: [] });

    const again = await post(designer, '/api/designer/deploy', { files, comment: '重复' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ duplicate: true, definitions: [{ key, version: 1, id: first.json().definitions[0].id }] });

    const changed = await post(designer, '/api/designer/deploy', { files: [{ name: `${key}.bpmn`, xml: reviewProcess({ key, versionTag: '2.0' }) }], comment: '修订' });
    expect(changed.json()).toMatchObject({ duplicate: false, definitions: [{ key, version: 2 }] });

    const recorded = await t.database.procedureDeployment.findMany({ where: { resourceNames: { has: `${key}.bpmn` } }, orderBy: { id: 'asc' } });
    expect(recorded.map((row) => [row.duplicate, row.author, row.comment])).toEqual([
      [false, 'designer', '首次上线'],
      [true, 'designer', '重复'],
      [false, 'designer', '修订'],
    ]);
    expect(recorded[0]!.definitions).toEqual([{ key, version: 1, id: first.json().definitions[0].id }]);
    const audited = await t.database.auditEntry.findMany({ where: { action: 'procedure.deploy', subject: `deployment:${first.json().deploymentId}` } });
    expect(audited.length).toBeGreaterThanOrEqual(1);

    // The procedure list shows both versions, newest first, with running cases per version.
    await engineClient().startProcess(key, { variables: { step_Review_deadline: '2099-01-04T23:59:59+08:00' } });
    const procedure = (await get(designer, '/api/designer/procedures')).json().procedures.find((entry: { key: string }) => entry.key === key);
    expect(procedure).toMatchObject({ key, name: '设计器测试 / designer test', latestDraft: null });
    expect(procedure.versions.map((version: { version: number; versionTag: string; runningCases: number }) => [version.version, version.versionTag, version.runningCases])).toEqual([
      [2, '2.0', 1],
      [1, '1.0', 0],
    ]);
    expect(procedure.versions[0].deploymentTime).toEqual(expect.any(String));

    const xml = await get(designer, `/api/designer/definitions/${encodeURIComponent(procedure.versions[1].definitionId)}/xml`);
    expect(xml.json().xml).toBe(reviewProcess({ key }));
  });

  it('refuses a lint failure with the rules, before the engine sees it', async () => {
    const key = unique('deploy-lint');
    const xml = reviewProcess({ key, topic: 'land.check-parcel' }).replace(' camunda:versionTag="1.0"', '');
    const refused = await post(designer, '/api/designer/deploy', { files: [{ name: 'lint.bpmn', xml }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toBe('LINT_FAILED');
    expect(refused.json().details).toEqual([
      { file: 'lint.bpmn', rule: 'sunshine/topic-registered', elementId: 'Check', message: expect.stringContaining('land.check-parcel') },
      { file: 'lint.bpmn', rule: 'sunshine/version-tag', elementId: key, message: expect.any(String) },
    ]);
    expect(await engineClient().processDefinitions({ key })).toEqual([]);
  });

  it('reports malformed XML and the engine’s parse errors with file, line, column and element ids', async () => {
    const key = unique('deploy-parse');
    const malformed = await post(designer, '/api/designer/deploy', {
      files: [{ name: 'broken.bpmn', xml: reviewProcess({ key }).replace('<bpmn:userTask id="Review"', '<bpmn:userTask id="Review" <') }],
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'BPMN_PARSE_ERROR', details: [{ file: 'broken.bpmn', line: expect.any(Number), column: expect.any(Number), message: expect.stringMatching(/malformed XML/) }] });

    // Lint-clean, but the engine cannot run a service task without an implementation.
    const semantic = await post(designer, '/api/designer/deploy', {
      files: [{ name: 'semantic.bpmn', xml: reviewProcess({ key }).replace(' camunda:type="external" camunda:topic="demo.check-materials"', '') }],
    });
    expect(semantic.statusCode, semantic.body).toBe(400);
    const details = semantic.json().details as { file: string; line: number; column: number; elementIds: string[] }[];
    expect(semantic.json().error).toBe('BPMN_PARSE_ERROR');
    expect(details).toContainEqual({ file: 'semantic.bpmn', line: expect.any(Number), column: expect.any(Number), elementIds: ['Check'], message: expect.any(String) });
  });

  it('lists the deployed decision tables and serves their DMN for the designer', async () => {
    const xml = fs.readFileSync(path.join(PROCESSES_DIR, 'approval', 'rules', 'fire-design-review.dmn'), 'utf8');
    await deployFiles(engineClient(), [path.join(PROCESSES_DIR, 'approval', 'rules', 'fire-design-review.dmn')], { name: 'sunshine-processes', root: PROCESSES_DIR });
    const list = await t.app.inject({ method: 'GET', url: '/api/designer/decisions', headers: designer.headers });
    expect(list.statusCode, list.body).toBe(200);
    const fire = (list.json().decisions as { id: string; key: string; resource: string }[]).find((decision) => decision.key === 'fire-design-review');
    expect(fire).toMatchObject({ resource: 'approval/rules/fire-design-review.dmn' });
    const served = await t.app.inject({ method: 'GET', url: `/api/designer/decisions/${encodeURIComponent(fire!.id)}/xml`, headers: designer.headers });
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json().xml).toBe(xml);
    expect((await t.app.inject({ method: 'GET', url: '/api/designer/decisions', headers: reviewer.headers })).statusCode).toBe(403);
  });

  it('is for designers and administrators: a reviewer is refused', async () => {
    const key = unique('deploy-role');
    const files = [{ name: `${key}.bpmn`, xml: reviewProcess({ key }) }];
    const refused = await post(reviewer, '/api/designer/deploy', { files });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('FORBIDDEN');
    expect((await post(designer, '/api/designer/deploy', { files })).statusCode).toBe(201);
    const admin = await t.login('admin');
    expect((await post(admin, '/api/designer/deploy', { files })).json()).toMatchObject({ duplicate: true });
    // Migration is for administrators only.
    expect((await get(designer, `/api/designer/procedures/${key}/cases?definitionId=x`)).statusCode).toBe(403);
  });

  it('validates the request: file names, count, unique names', async () => {
    const xml = reviewProcess({ key: unique('v') });
    expect((await post(designer, '/api/designer/deploy', { files: [{ name: '../evil.bpmn', xml }] })).statusCode).toBe(400);
    expect((await post(designer, '/api/designer/deploy', { files: [{ name: 'x.txt', xml }] })).statusCode).toBe(400);
    expect((await post(designer, '/api/designer/deploy', { files: [] })).statusCode).toBe(400);
    expect((await post(designer, '/api/designer/deploy', { files: Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.bpmn`, xml })) })).statusCode).toBe(400);
    expect((await post(designer, '/api/designer/deploy', { files: [{ name: 'a.bpmn', xml }, { name: 'a.bpmn', xml }] })).statusCode).toBe(400);
  });
});
