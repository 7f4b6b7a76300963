import { describe, expect, it } from 'vitest';
import { shippedHolidayYears } from '../../src/calendar/shipped.js';
import { MissingYearError, WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { HolidayDataError } from '../../src/calendar/year-data.js';

const calendar = new WorkingCalendar(shippedHolidayYears());

function missingYear(run: () => unknown): number | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof MissingYearError) return error.year;
    throw error;
  }
  return undefined;
}

describe('working-day calendar: the shipped years', () => {
  it('has 248 working days in 2025 and in 2026', () => {
    expect(calendar.years()).toEqual([2025, 2026]);
    expect(calendar.yearSummary(2025)).toEqual({ year: 2025, workingDays: 248, daysOff: 117 });
    expect(calendar.yearSummary(2026)).toEqual({ year: 2026, workingDays: 248, daysOff: 117 });
  });

  it('counts make-up weekends as working days', () => {
    for (const day of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(calendar.isWorkingDay(day), day).toBe(true);
    }
  });

  it('does not count holidays, even on weekdays', () => {
    for (const day of ['2025-01-01', '2025-01-28', '2025-10-08', '2026-01-02', '2026-02-16', '2026-02-20', '2026-02-23', '2026-06-19', '2026-09-25', '2026-10-07']) {
      expect(calendar.isWorkingDay(day), day).toBe(false);
    }
  });

  it('treats ordinary weekdays and weekends as usual', () => {
    expect(calendar.isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false); // Sunday
  });
});

describe('addWorkingDays', () => {
  it('does not count the start day and skips the Spring Festival', () => {
    // Fri 13 Feb; Sat 14 is a make-up day; 15–23 off; 24, 25.
    expect(calendar.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-16', 1)).toBe('2026-02-24');
  });

  it('returns the day itself for n = 0, even a holiday', () => {
    expect(calendar.addWorkingDays('2026-02-16', 0)).toBe('2026-02-16');
  });

  it('crosses the year boundary', () => {
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(calendar.addWorkingDays('2025-12-25', 10)).toBe('2026-01-09');
  });

  it('refuses a negative or fractional count', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => calendar.addWorkingDays('2026-02-13', n)).toThrowError(RangeError);
    }
    expect(() => calendar.addWorkingDays('2026-02-13', -1)).toThrowError(/non-negative integer/);
  });
});

describe('workingDaysBetween', () => {
  it('counts (a, b] across the year boundary', () => {
    // 26, 29, 30, 31 Dec; Sun 4 Jan (make-up); 5–9 Jan.
    expect(calendar.workingDaysBetween('2025-12-25', '2026-01-10')).toBe(10);
    expect(calendar.workingDaysBetween('2025-01-01', '2026-12-31')).toBe(248 + 248);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('is zero for the same day and negative when b is before a', () => {
    expect(calendar.workingDaysBetween('2026-02-16', '2026-02-16')).toBe(0);
    expect(calendar.workingDaysBetween('2026-01-10', '2025-12-25')).toBe(-10);
    expect(calendar.workingDaysBetween('2026-02-25', '2026-02-13')).toBe(-3);
  });
});

describe('missing years', () => {
  const message = /^缺少 2027 年节假日数据 \/ no holiday data for 2027: an administrator must load the State Council notice first$/;

  it('fails for any day of a year without data, after the known years', () => {
    expect(() => calendar.addWorkingDays('2026-12-30', 5)).toThrowError(message);
    expect(missingYear(() => calendar.addWorkingDays('2026-12-30', 5))).toBe(2027);
    expect(missingYear(() => calendar.isWorkingDay('2027-01-04'))).toBe(2027);
    expect(missingYear(() => calendar.workingDaysBetween('2026-12-31', '2027-01-05'))).toBe(2027);
    expect(missingYear(() => calendar.workingDaysBetween('2027-01-05', '2026-12-01'))).toBe(2027);
    expect(missingYear(() => calendar.yearSummary(2027))).toBe(2027);
  });

  it('fails for any day of a year without data, before the known years', () => {
    expect(missingYear(() => calendar.isWorkingDay('2024-12-31'))).toBe(2024);
    expect(missingYear(() => calendar.addWorkingDays('2024-12-30', 1))).toBe(2024);
    expect(missingYear(() => calendar.workingDaysBetween('2024-12-20', '2025-01-10'))).toBe(2024);
    expect(missingYear(() => calendar.workingDaysBetween('2025-01-10', '2024-12-20'))).toBe(2024);
    expect(missingYear(() => calendar.yearSummary(2024))).toBe(2024);
  });

  it('does not need the next year for a period ending on 31 December', () => {
    expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    expect(calendar.addWorkingDays('2026-12-28', 3)).toBe('2026-12-31');
    expect(calendar.workingDaysBetween('2026-12-01', '2026-12-31')).toBe(22); // 23 weekdays in December, Tue 1st excluded
    expect(calendar.workingDaysBetween('2026-12-31', '2026-12-31')).toBe(0);
  });

  it('does not need a year whose only day involved is the excluded start day', () => {
    expect(calendar.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    expect(calendar.workingDaysBetween('2024-12-31', '2025-01-03')).toBe(2);
  });

  it('needs only the years that are loaded when a later year is given alone', () => {
    const only2026 = new WorkingCalendar(shippedHolidayYears().filter((year) => year.year === 2026));
    expect(only2026.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(missingYear(() => only2026.addWorkingDays('2025-12-30', 1))).toBe(2025);
  });
});

describe('deadlines and instants', () => {
  it('ends a period at the end of its last day in Asia/Shanghai', () => {
    expect(calendar.deadlineInstant('2026-02-25')).toBe('2026-02-25T23:59:59+08:00');
  });

  it('ends a period at office closing time when one is configured', () => {
    const office = new WorkingCalendar(shippedHolidayYears(), { closingTime: '17:30' });
    expect(office.deadlineInstant('2026-02-25')).toBe('2026-02-25T17:30:00+08:00');
    for (const closingTime of ['25:00', '9:00', '17:30:00', '']) {
      expect(() => new WorkingCalendar([], { closingTime })).toThrowError(TypeError);
    }
  });

  it('gives the Shanghai calendar day of an instant, across midnight UTC vs +08:00', () => {
    expect(calendar.dayOf('2026-02-24T15:59:59Z')).toBe('2026-02-24');
    expect(calendar.dayOf('2026-02-24T16:00:00Z')).toBe('2026-02-25');
    expect(calendar.dayOf('2026-02-25T00:00:00+08:00')).toBe('2026-02-25');
    expect(calendar.dayOf('2026-02-25T07:59:59.000+0800')).toBe('2026-02-25');
    expect(calendar.dayOf('2026-02-24T23:30:00-01:00')).toBe('2026-02-25');
    expect(calendar.dayOf(new Date('2026-02-24T16:30:00Z'))).toBe('2026-02-25');
    expect(calendar.dayOf(new Date('2026-02-24T15:30:00Z'))).toBe('2026-02-24');
  });

  it('refuses an instant without an offset or an invalid one', () => {
    expect(() => calendar.dayOf('2026-02-25T10:00:00')).toThrowError(TypeError);
    expect(() => calendar.dayOf('2026-02-25')).toThrowError(TypeError);
    expect(() => calendar.dayOf(new Date(Number.NaN))).toThrowError(TypeError);
  });
});

describe('input checks', () => {
  it('throws a TypeError naming a malformed day', () => {
    for (const day of ['2026-2-5', '2026-02-30', '20260225', '', 'tomorrow', '2026-02-25T00:00:00+08:00']) {
      expect(() => calendar.isWorkingDay(day)).toThrowError(TypeError);
      expect(() => calendar.addWorkingDays(day, 1)).toThrowError(JSON.stringify(day));
      expect(() => calendar.workingDaysBetween('2026-01-05', day)).toThrowError(/invalid date/);
      expect(() => calendar.deadlineInstant(day)).toThrowError(/^无效日期 /);
    }
  });

  it('validates the years it is given', () => {
    const [year2025] = shippedHolidayYears();
    expect(() => new WorkingCalendar([year2025!, year2025!])).toThrowError(/given twice/);
    expect(() => new WorkingCalendar([{ ...year2025!, makeUpWorkdays: ['2025-03-03'] }])).toThrowError(HolidayDataError);
  });
});
