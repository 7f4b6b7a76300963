/**
 * 中国法定工作日日历 / statutory working-day calendar of mainland China (RULES.md §1).
 *
 * A computation looks only at the days it actually needs: a day of a year without data
 * throws MissingYearError instead of guessing, but a period ending on 31 December does not
 * need the next year, and one starting the day after 31 December does not need that year.
 */
import { DateTime } from 'luxon';
import { ZONE, isWeekend, parseDay } from './day.js';
import { parseHolidayYear, type HolidayYear } from './year-data.js';

export class MissingYearError extends Error {
  constructor(readonly year: number) {
    super(`缺少 ${year} 年节假日数据 / no holiday data for ${year}: an administrator must load the State Council notice first`);
    this.name = 'MissingYearError';
  }
}

export interface WorkingCalendarOptions {
  /** 'HH:mm' office closing time; without it a period ends at the end of its last day. */
  closingTime?: string;
}

/** Per-year tables, so every query is an array lookup rather than a walk. */
interface YearTable {
  /** cumulative[o] = working days among ordinals 1..o (cumulative[0] = 0). */
  cumulative: Uint16Array;
  /** The working days of the year in order. */
  workingDays: string[];
  daysInYear: number;
}

const CLOSING_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export class WorkingCalendar {
  readonly #tables = new Map<number, YearTable>();
  readonly #closing: { hour: number; minute: number; second: number };

  constructor(years: HolidayYear[], options: WorkingCalendarOptions = {}) {
    for (const input of years) {
      const data = parseHolidayYear(input);
      if (this.#tables.has(data.year)) throw new Error(`${data.year} 年节假日数据重复 / holiday data for ${data.year} given twice`);
      this.#tables.set(data.year, buildTable(data));
    }
    if (options.closingTime === undefined) {
      this.#closing = { hour: 23, minute: 59, second: 59 };
    } else {
      const match = CLOSING_TIME.exec(options.closingTime);
      if (!match) {
        throw new TypeError(`无效的下班时间 ${JSON.stringify(options.closingTime)}，应为 HH:mm / invalid closing time ${JSON.stringify(options.closingTime)}: expected HH:mm`);
      }
      this.#closing = { hour: Number(match[1]), minute: Number(match[2]), second: 0 };
    }
  }

  years(): number[] {
    return [...this.#tables.keys()].sort((a, b) => a - b);
  }

  isWorkingDay(day: string): boolean {
    const date = parseDay(day);
    const { cumulative } = this.#table(date.year);
    return cumulative[date.ordinal]! > cumulative[date.ordinal - 1]!;
  }

  addWorkingDays(day: string, n: number): string {
    const date = parseDay(day);
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`无效的工作日数 ${String(n)}，应为非负整数 / invalid number of working days ${String(n)}: expected a non-negative integer`);
    }
    if (n === 0) return day;
    // From 31 December the count starts with the next year, which may be the only one known.
    const lastOfYear = date.ordinal === date.daysInYear;
    let year = lastOfYear ? date.year + 1 : date.year;
    let passed = lastOfYear ? 0 : this.#table(year).cumulative[date.ordinal]!; // working days of `year` behind us
    let remaining = n;
    for (;;) {
      const table = this.#table(year);
      const left = table.workingDays.length - passed;
      if (remaining <= left) return table.workingDays[passed + remaining - 1]!;
      remaining -= left;
      year += 1;
      passed = 0;
    }
  }

  workingDaysBetween(a: string, b: string): number {
    const from = parseDay(a);
    const to = parseDay(b);
    // Antisymmetric, so that between(a, b) + between(b, c) = between(a, c) for any order.
    if (b < a) return -this.#countAfter(to, from);
    return this.#countAfter(from, to);
  }

  deadlineInstant(day: string): string {
    const date = parseDay(day);
    const instant = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, ...this.#closing }, { zone: ZONE });
    return instant.toISO({ suppressMilliseconds: true })!;
  }

  dayOf(instant: string | Date): string {
    const moment = toInstant(instant);
    return moment.setZone(ZONE).toISODate()!;
  }

  yearSummary(year: number): { year: number; workingDays: number; daysOff: number } {
    const table = this.#table(year);
    return { year, workingDays: table.workingDays.length, daysOff: table.daysInYear - table.workingDays.length };
  }

  /** Working days in (from, to], from <= to. */
  #countAfter(from: DateTime, to: DateTime): number {
    if (from.year === to.year) {
      if (from.ordinal === to.ordinal) return 0;
      const { cumulative } = this.#table(to.year);
      return cumulative[to.ordinal]! - cumulative[from.ordinal]!;
    }
    let count = this.#table(to.year).cumulative[to.ordinal]!;
    for (let year = from.year + 1; year < to.year; year += 1) count += this.#table(year).workingDays.length;
    // Nothing of the first year lies after its 31 December.
    if (from.ordinal < from.daysInYear) {
      const table = this.#table(from.year);
      count += table.workingDays.length - table.cumulative[from.ordinal]!;
    }
    return count;
  }

  #table(year: number): YearTable {
    const table = this.#tables.get(year);
    if (!table) throw new MissingYearError(year);
    return table;
  }
}

function buildTable(data: HolidayYear): YearTable {
  const off = new Set(data.daysOff);
  const makeUp = new Set(data.makeUpWorkdays);
  const first = DateTime.utc(data.year, 1, 1);
  const daysInYear = first.daysInYear;
  const cumulative = new Uint16Array(daysInYear + 1);
  const workingDays: string[] = [];
  for (let ordinal = 1; ordinal <= daysInYear; ordinal += 1) {
    const date = first.plus({ days: ordinal - 1 });
    const iso = date.toISODate()!;
    const working = makeUp.has(iso) || (!isWeekend(date) && !off.has(iso));
    if (working) workingDays.push(iso);
    cumulative[ordinal] = workingDays.length;
  }
  return { cumulative, workingDays, daysInYear };
}

const WITH_OFFSET = /T.*(Z|[+-]\d\d(:?\d\d)?)$/i;

/** An instant must say its offset: a bare local time is ambiguous across servers. */
function toInstant(instant: string | Date): DateTime {
  const moment =
    instant instanceof Date
      ? DateTime.fromJSDate(instant)
      : typeof instant === 'string' && WITH_OFFSET.test(instant)
        ? DateTime.fromISO(instant)
        : undefined;
  if (!moment?.isValid) {
    const shown = instant instanceof Date ? 'Invalid Date' : (JSON.stringify(instant) ?? String(instant));
    throw new TypeError(`无效时刻 ${shown}，应为带时区偏移的 ISO 时间 / invalid instant ${shown}: expected an ISO date-time with an offset such as Z or +08:00`);
  }
  return moment;
}
