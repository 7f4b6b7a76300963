/** Laws of working-day arithmetic, checked on random days of the shipped years 2025–2026. */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { shippedHolidayYears } from '../../src/calendar/shipped.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';

const years = shippedHolidayYears();
const calendar = new WorkingCalendar(years);

const ALL_DAYS: string[] = [];
for (let day = DateTime.utc(2025, 1, 1); day.year <= 2026; day = day.plus({ days: 1 })) ALL_DAYS.push(day.toISODate()!);
const LAST_START = ALL_DAYS.indexOf('2026-06-30');

/** Any day of 2025–2026. */
const anyDay = fc.integer({ min: 0, max: ALL_DAYS.length - 1 }).map((index) => ALL_DAYS[index]!);
/** A start early enough that 120 working days later is still in 2026 (at most ~180 calendar days). */
const startDay = fc.integer({ min: 0, max: LAST_START }).map((index) => ALL_DAYS[index]!);
const count = fc.integer({ min: 0, max: 60 });

// An independent oracle straight from the notice data, for the table-based implementation.
const off = new Set(years.flatMap((year) => year.daysOff));
const makeUp = new Set(years.flatMap((year) => year.makeUpWorkdays));
const oracleWorking = (day: string) => makeUp.has(day) || (![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) && !off.has(day));

const RUNS = { numRuns: 10_000 };

describe('working-day arithmetic laws', () => {
  it('agrees with the notice data on every day of 2025–2026', () => {
    for (const day of ALL_DAYS) expect(calendar.isWorkingDay(day), day).toBe(oracleWorking(day));
  });

  it('add(add(d, a), b) = add(d, a + b)', () => {
    fc.assert(
      fc.property(startDay, count, count, (d, a, b) => calendar.addWorkingDays(calendar.addWorkingDays(d, a), b) === calendar.addWorkingDays(d, a + b)),
      RUNS,
    );
  });

  it('between(d, add(d, n)) = n', () => {
    fc.assert(fc.property(startDay, fc.integer({ min: 0, max: 120 }), (d, n) => calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n)) === n), RUNS);
  });

  it('add(d, n) for n ≥ 1 is a working day, and the first one with n working days after d', () => {
    fc.assert(
      fc.property(startDay, fc.integer({ min: 1, max: 120 }), (d, n) => {
        const result = calendar.addWorkingDays(d, n);
        const dayBefore = DateTime.fromISO(result, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;
        return result > d && calendar.isWorkingDay(result) && oracleWorking(result) && calendar.workingDaysBetween(d, dayBefore) === n - 1;
      }),
      RUNS,
    );
  });

  it('between(a, b) = −between(b, a)', () => {
    fc.assert(fc.property(anyDay, anyDay, (a, b) => calendar.workingDaysBetween(a, b) === -calendar.workingDaysBetween(b, a)), RUNS);
  });

  it('between(a, b) + between(b, c) = between(a, c)', () => {
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, (a, b, c) => calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c) === calendar.workingDaysBetween(a, c)),
      RUNS,
    );
  });

  it('between(a, b) counts the working days of (a, b] one by one', () => {
    fc.assert(
      fc.property(anyDay, anyDay, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const expected = ALL_DAYS.filter((day) => day > from && day <= to && oracleWorking(day)).length;
        return calendar.workingDaysBetween(a, b) === (a <= b ? expected : -expected);
      }),
      { numRuns: 2_000 },
    );
  });
});
