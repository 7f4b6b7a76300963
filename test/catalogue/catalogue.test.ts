/** The catalogue (事项库): seeded items, public reading, validated and versioned revision. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemDefinitionSchema } from '../../src/catalogue/item.js';
import { DEMO_CATALOGUE, seedCatalogue } from '../../src/catalogue/seed.js';
import { testApp, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await testApp();
  await seedCatalogue(t.database);
  admin = await t.login('admin');
});
afterAll(() => t.close());

const newItem = (overrides: Record<string, unknown> = {}) => ({
  ...structuredClone(DEMO_CATALOGUE.find((item) => item.code === 'lightning-protection-design')!),
  code: 'tower-lightning-review',
  name: { zh: '高塔雷电防护审核', en: 'Lightning review of towers' },
  ...overrides,
});

describe('catalogue', () => {
  it('seeds at least twelve valid items across at least ten departments', async () => {
    const list = (await t.app.inject('/api/catalogue')).json().items as { code: string; definition: { department: string } }[];
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(new Set(list.map((item) => item.definition.department)).size).toBeGreaterThanOrEqual(10);
    for (const item of DEMO_CATALOGUE) expect(() => itemDefinitionSchema.parse(item), item.code).not.toThrow();
    const parallel = (await t.app.inject('/api/catalogue/construction-project-parallel')).json();
    expect(parallel.definition).toMatchObject({ limits: { statutoryDays: 45, committedDays: 30, extensionDays: 15 }, greenChannel: { committedDays: 20 }, processKey: 'approval-construction-parallel' });
    expect((await seedCatalogue(t.database)).length).toBe(0);
  });

  it('creates an item only for administrators, with validation that names the field', async () => {
    const reviewer = await t.login('demo-reviewer');
    expect((await t.app.inject({ method: 'POST', url: '/api/catalogue', headers: reviewer.headers, payload: newItem() })).statusCode).toBe(403);
    const tooSlow = await t.app.inject({ method: 'POST', url: '/api/catalogue', headers: admin.headers, payload: newItem({ limits: { statutoryDays: 5, committedDays: 8 } }) });
    expect(tooSlow.statusCode).toBe(400);
    expect(tooSlow.json().details).toEqual([expect.objectContaining({ field: 'body.limits.committedDays' })]);
    const twice = await t.app.inject({
      method: 'POST',
      url: '/api/catalogue',
      headers: admin.headers,
      payload: newItem({ materials: [DEMO_CATALOGUE[0]!.materials[0], DEMO_CATALOGUE[0]!.materials[0]] }),
    });
    expect(twice.json().details).toEqual([expect.objectContaining({ field: 'body.materials.1.code' })]);
    const badType = await t.app.inject({
      method: 'POST',
      url: '/api/catalogue',
      headers: admin.headers,
      payload: newItem({ materials: [{ code: 'x-file', name: { zh: '文件', en: 'File' }, mandatory: true, fileTypes: ['application/zip'] }] }),
    });
    expect(badType.json().details[0].field).toBe('body.materials.0.fileTypes.0');
    const nowhere = await t.app.inject({ method: 'POST', url: '/api/catalogue', headers: admin.headers, payload: newItem({ department: 'atlantis' }) });
    expect(nowhere.json().error).toBe('DEPARTMENT_UNKNOWN');

    const created = await t.app.inject({ method: 'POST', url: '/api/catalogue', headers: admin.headers, payload: newItem() });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'tower-lightning-review', version: 1, currentVersion: 1 });
    expect((await t.app.inject({ method: 'POST', url: '/api/catalogue', headers: admin.headers, payload: newItem() })).json().error).toBe('ITEM_EXISTS');
  });

  it('revises in versions; the old version stays readable; withdrawn items leave the public list', async () => {
    const revise = (definition: unknown, changeNote = '承诺时限压缩至 3 个工作日') =>
      t.app.inject({ method: 'PUT', url: '/api/catalogue/food-business-licence', headers: admin.headers, payload: { definition, changeNote } });
    const v1 = (await t.app.inject('/api/catalogue/food-business-licence')).json();
    const faster = structuredClone(v1.definition);
    faster.limits.committedDays = 3;
    faster.limits.steps = [{ key: 'Review', days: 3 }];
    const revised = await revise(faster);
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({ version: 2, currentVersion: 2, versions: [expect.objectContaining({ version: 1 }), expect.objectContaining({ version: 2, createdBy: 'admin', changeNote: '承诺时限压缩至 3 个工作日' })] });
    const old = (await t.app.inject('/api/catalogue/food-business-licence?version=1')).json();
    expect(old.definition.limits.committedDays).toBe(5);
    expect((await revise(faster)).json().error).toBe('NO_CHANGE');
    expect((await revise({ ...faster, code: 'something-else' })).json().error).toBe('CODE_MISMATCH');
    expect((await t.app.inject('/api/catalogue/food-business-licence?version=9')).statusCode).toBe(404);

    const withdrawn = await t.app.inject({ method: 'PATCH', url: '/api/catalogue/food-business-licence', headers: admin.headers, payload: { active: false } });
    expect(withdrawn.json().active).toBe(false);
    const list = (await t.app.inject('/api/catalogue')).json().items.map((item: { code: string }) => item.code);
    expect(list).not.toContain('food-business-licence');
    const audit = await t.database.auditEntry.findMany({ where: { subject: 'catalogue:food-business-licence' } });
    expect(audit.map((entry) => entry.action)).toEqual(['catalogue.item.create', 'catalogue.item.revise', 'catalogue.item.deactivate']);
  });
});
