/**
 * One year of the State Council holiday notice, as an administrator loads it. Validation
 * catches typing mistakes in the notice before they silently move statutory deadlines.
 */
import { z } from 'zod';
import { dayOrUndefined, isWeekend } from './day.js';

export interface HolidayYear {
  year: number;
  source: string;
  daysOff: string[];
  makeUpWorkdays: string[];
}

const shown = (value: unknown) => JSON.stringify(value) ?? String(value);

const dayString = z
  .string({ error: (issue) => `日期必须是字符串 / a date must be a string, got ${shown(issue.input)}` })
  .refine((value) => dayOrUndefined(value) !== undefined, {
    error: (issue) => `${String(issue.input)} 不是有效日期 (YYYY-MM-DD) / ${String(issue.input)} is not a real date as YYYY-MM-DD`,
  });

const dayList = (field: string) => z.array(dayString, { error: `${field} 必须是日期数组 / ${field} must be an array of dates` });

// Strict: a misspelt key ("makeupWorkdays") must fail rather than load an empty list.
export const holidayYearSchema = z
  .strictObject(
    {
      year: z
        .number({ error: '年份必须是数字 / year must be a number' })
        .int({ error: '年份必须是整数 / year must be an integer' })
        .min(2000, { error: '年份必须在 2000–2100 之间 / year must be from 2000 to 2100' })
        .max(2100, { error: '年份必须在 2000–2100 之间 / year must be from 2000 to 2100' }),
      source: z.string({ error: 'source 必须是字符串 / source must be a string' }).trim().min(1, { error: '必须注明来源 / source must not be empty' }),
      daysOff: dayList('daysOff'),
      makeUpWorkdays: dayList('makeUpWorkdays'),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `未知字段 / unknown field(s): ${issue.keys.join(', ')}` : '节假日数据必须是对象 / holiday data must be an object') },
  )
  .superRefine((data, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: data });
    for (const field of ['daysOff', 'makeUpWorkdays'] as const) {
      const seen = new Set<string>();
      data[field].forEach((value, index) => {
        // Malformed entries were already reported by the element schema.
        const day = dayOrUndefined(value);
        if (!day) return;
        if (day.year !== data.year) problem([field, index], `${value} 不在 ${data.year} 年内 / ${value} is not in ${data.year}`);
        if (seen.has(value)) problem([field, index], `${value} 在 ${field} 中重复 / ${value} appears more than once in ${field}`);
        seen.add(value);
        if (field === 'makeUpWorkdays' && !isWeekend(day)) {
          problem([field, index], `${value} 不是周末，不能作为调休上班日 / ${value} is not a weekend day, so it cannot be a make-up working day`);
        }
      });
    }
    const off = new Set(data.daysOff);
    data.makeUpWorkdays.forEach((value, index) => {
      if (off.has(value)) problem(['makeUpWorkdays', index], `${value} 不能既是休息日又是调休上班日 / ${value} cannot be both a day off and a make-up working day`);
    });
  });

export class HolidayDataError extends Error {
  constructor(
    readonly issues: z.core.$ZodIssue[],
    where?: string,
  ) {
    // One line, so the CLI can print it as is.
    super(`${where ? `${where}: ` : ''}节假日数据有误 / invalid holiday data: ${issues.map(describe).join('; ')}`);
    this.name = 'HolidayDataError';
  }
}

function describe(issue: z.core.$ZodIssue): string {
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

export function parseHolidayYear(input: unknown, where?: string): HolidayYear {
  const result = holidayYearSchema.safeParse(input);
  if (!result.success) throw new HolidayDataError(result.error.issues, where);
  return result.data;
}
