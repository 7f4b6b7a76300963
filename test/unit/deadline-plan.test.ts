import { describe, expect, it } from 'vitest';
import { shippedHolidayYears } from '../../src/calendar/shipped.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { shiftInstant } from '../../src/clock-stops/service.js';
import { mapPlan, planDeadlines, planVariables, yellowOffset } from '../../src/deadlines/plan.js';

const calendar = new WorkingCalendar(shippedHolidayYears());
const rule = { ratio: 0.8, daysBefore: 1 };

describe('deadline plan', () => {
  it('puts the yellow warning at 80 % of the budget or one day before, whichever comes first', () => {
    expect(yellowOffset(20, rule)).toBe(16);
    expect(yellowOffset(5, rule)).toBe(4);
    expect(yellowOffset(3, rule)).toBe(2);
    expect(yellowOffset(1, rule)).toBe(0);
    expect(yellowOffset(10, { ratio: 0.5, daysBefore: 1 })).toBe(5);
  });

  it('counts the committed limit in working days across the Spring Festival', () => {
    // Received Friday 2026-02-13 (Saturday 14th is a make-up working day, 15th–23rd off).
    const plan = planDeadlines(calendar, { statutoryDays: 20, committedDays: 3 }, new Date('2026-02-13T10:00:00+08:00'));
    expect(plan).toMatchObject({ startDay: '2026-02-13', days: 3, deadline: '2026-02-25T23:59:59+08:00', yellowAt: '2026-02-24T23:59:59+08:00' });
    expect(plan.start).toBe('2026-02-13T10:00:00+08:00');
  });

  it('adds an approved extension and plans steps from the start or after another step', () => {
    const plan = planDeadlines(
      calendar,
      { statutoryDays: 20, extensionDays: 10, extended: true, steps: [{ key: 'Check', days: 5 }, { key: 'Review', days: 10, after: 'Check' }] },
      new Date('2026-03-02T09:00:00+08:00'),
    );
    expect(plan.days).toBe(30);
    expect(plan.steps.Check!.deadline).toBe('2026-03-09T23:59:59+08:00');
    expect(plan.steps.Review!.deadline).toBe('2026-03-23T23:59:59+08:00');
    expect(planVariables(plan)).toMatchObject({ step_Check_deadline: plan.steps.Check!.deadline, step_Review_yellowAt: plan.steps.Review!.yellowAt, deadline: plan.deadline });
  });

  it('ends a period at the office closing time when configured', () => {
    const office = new WorkingCalendar(shippedHolidayYears(), { closingTime: '17:30' });
    expect(planDeadlines(office, { statutoryDays: 1 }, new Date('2026-12-01T09:00:00+08:00')).deadline).toBe('2026-12-02T17:30:00+08:00');
  });

  it('refuses a committed limit above the statutory one and unknown preceding steps', () => {
    expect(() => planDeadlines(calendar, { statutoryDays: 5, committedDays: 6 }, new Date())).toThrowError(/committed limit may not exceed/);
    expect(() => planDeadlines(calendar, { statutoryDays: 5, steps: [{ key: 'B', days: 1, after: 'A' }] }, new Date('2026-12-01T09:00:00+08:00'))).toThrowError(/unknown or later step A/);
  });
});

describe('clock stop shift', () => {
  it('keeps the working days that remained at the pause', () => {
    // Paused Wednesday 2026-12-02, resumed Friday 2026-12-04: a deadline on Tuesday 12-08
    // (4 working days after the pause day) lands 4 working days after the resume day.
    expect(shiftInstant(calendar, '2026-12-02', '2026-12-04', '2026-12-08T23:59:59+08:00')).toBe('2026-12-10T23:59:59+08:00');
    // Instants before the pause day stay where they were.
    expect(shiftInstant(calendar, '2026-12-02', '2026-12-04', '2026-12-01T23:59:59+08:00')).toBe('2026-12-01T23:59:59+08:00');
    // A pause over the National Day holiday costs no working days.
    expect(shiftInstant(calendar, '2026-10-01', '2026-10-07', '2026-10-12T23:59:59+08:00')).toBe('2026-10-12T23:59:59+08:00');
  });

  it('shifts every instant of a plan', () => {
    const plan = planDeadlines(calendar, { statutoryDays: 5, steps: [{ key: 'Review', days: 3 }] }, new Date('2026-12-01T10:00:00+08:00'));
    const moved = mapPlan(plan, (instant) => shiftInstant(calendar, '2026-12-02', '2026-12-04', instant));
    expect(moved.deadline).toBe('2026-12-10T23:59:59+08:00');
    expect(moved.steps.Review!.deadline).toBe('2026-12-08T23:59:59+08:00');
    expect(moved.start).toBe(plan.start);
  });
});
