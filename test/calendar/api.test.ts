/** Administrators load and correct holiday years; the change applies without a restart. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../support/app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await testApp({ fixtureYears: false });
  admin = await t.login('admin');
});
afterAll(() => t.close());

// A made-up 2027 for the test: 2027-01-01 off, 2027-02-06 (Saturday) a make-up day.
const year2027 = { year: 2027, source: '测试通知 / test notice', daysOff: ['2027-01-01'], makeUpWorkdays: ['2027-02-06'] };

describe('calendar API', () => {
  it('lists the shipped years publicly', async () => {
    const response = await t.app.inject('/api/calendar/years');
    expect(response.statusCode).toBe(200);
    expect(response.json().years).toEqual([
      expect.objectContaining({ year: 2025, workingDays: 248, origin: 'shipped' }),
      expect.objectContaining({ year: 2026, workingDays: 248, daysOff: 117, origin: 'shipped' }),
    ]);
  });

  it('only lets the administrator load a year', async () => {
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', payload: year2027 });
    expect(anonymous.statusCode).toBe(401);
    const reviewer = await t.login('demo-reviewer');
    expect((await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', headers: reviewer.headers, payload: year2027 })).statusCode).toBe(403);
  });

  it('rejects invalid data naming the date and the rule', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/years/2027',
      headers: admin.headers,
      payload: { ...year2027, daysOff: ['2027-01-01', '2028-01-03'], makeUpWorkdays: ['2027-03-03'] },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('2028-01-03');
    expect(body.message).toContain('2027-03-03');
    const mismatch = await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2028', headers: admin.headers, payload: year2027 });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error).toBe('YEAR_MISMATCH');
  });

  it('loads a new year and corrects it, audited and effective at once', async () => {
    const loaded = await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2027', headers: admin.headers, payload: year2027 });
    expect(loaded.statusCode, loaded.body).toBe(200);
    // 2027: 261 weekdays − 1 day off + 1 make-up Saturday.
    expect(loaded.json()).toMatchObject({ year: 2027, origin: 'administrator', updatedBy: 'admin', workingDays: 261 });

    const corrected = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/years/2027',
      headers: admin.headers,
      payload: { ...year2027, daysOff: ['2027-01-01', '2027-02-08'] },
    });
    expect(corrected.json()).toMatchObject({ workingDays: 260 });
    const audit = await t.database.auditEntry.findMany({ where: { subject: 'calendar:2027' }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['calendar.year.load', 'calendar.year.correct']);
  });
});
