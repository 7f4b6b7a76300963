import { describe, expect, it } from 'vitest';
import { shippedHolidayYears } from '../../src/calendar/shipped.js';
import { HolidayDataError, parseHolidayYear, type HolidayYear } from '../../src/calendar/year-data.js';

const base: HolidayYear = { year: 2026, source: 'test notice', daysOff: ['2026-01-01'], makeUpWorkdays: ['2026-01-04'] };

function problems(input: unknown): string[] {
  try {
    parseHolidayYear(input);
  } catch (error) {
    expect(error).toBeInstanceOf(HolidayDataError);
    return (error as HolidayDataError).issues.map((issue) => issue.message);
  }
  throw new Error('expected a HolidayDataError');
}

describe('holiday-year data', () => {
  it('accepts the shipped notices, with every date expanded', () => {
    const years = shippedHolidayYears();
    expect(years.map((year) => year.year)).toEqual([2025, 2026]);
    expect(years[0]!.daysOff).toHaveLength(28);
    expect(years[1]!.daysOff).toHaveLength(33);
    expect(years[1]!.makeUpWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(parseHolidayYear(base)).toEqual(base);
  });

  it('refuses a date outside the year', () => {
    expect(problems({ ...base, daysOff: ['2025-12-31'] })).toEqual(['2025-12-31 不在 2026 年内 / 2025-12-31 is not in 2026']);
  });

  it('refuses a date that is both a day off and a make-up day', () => {
    expect(problems({ ...base, daysOff: ['2026-03-07'], makeUpWorkdays: ['2026-03-07'] })).toEqual([
      '2026-03-07 不能既是休息日又是调休上班日 / 2026-03-07 cannot be both a day off and a make-up working day',
    ]);
  });

  it('refuses a make-up working day on a weekday', () => {
    expect(problems({ ...base, makeUpWorkdays: ['2026-03-02'] })).toEqual([
      '2026-03-02 不是周末，不能作为调休上班日 / 2026-03-02 is not a weekend day, so it cannot be a make-up working day',
    ]);
  });

  it('refuses duplicates', () => {
    expect(problems({ ...base, daysOff: ['2026-01-01', '2026-01-01'] })).toEqual(['2026-01-01 在 daysOff 中重复 / 2026-01-01 appears more than once in daysOff']);
  });

  it('refuses dates that do not exist and malformed years', () => {
    expect(problems({ ...base, daysOff: ['2026-02-29'] })).toEqual(['2026-02-29 不是有效日期 (YYYY-MM-DD) / 2026-02-29 is not a real date as YYYY-MM-DD']);
    expect(problems({ ...base, daysOff: ['2026-1-1'] })[0]).toMatch(/2026-1-1 is not a real date/);
    for (const year of [1999, 2101, 2026.5, '2026']) expect(problems({ ...base, year })[0]).toMatch(/year must be/);
    expect(problems({ ...base, makeupWorkdays: [] })).toContain('未知字段 / unknown field(s): makeupWorkdays');
    expect(problems(null)).toHaveLength(1);
  });

  it('reports every problem in one line, naming where', () => {
    try {
      parseHolidayYear({ ...base, daysOff: ['2025-05-01'], makeUpWorkdays: ['2026-03-02'] }, '2026.json');
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toMatch(/^2026\.json: 节假日数据有误 \/ invalid holiday data: /);
      expect(message).toContain('daysOff.0: 2025-05-01');
      expect(message).toContain('makeUpWorkdays.0: 2026-03-02');
    }
  });
});
