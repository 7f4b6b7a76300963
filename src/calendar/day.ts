/**
 * Calendar days as 'YYYY-MM-DD' strings. Days are civil dates, so they are handled in UTC
 * where no offset or DST can shift them; only instants use Asia/Shanghai.
 */
import { DateTime } from 'luxon';

export const ZONE = 'Asia/Shanghai';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day, or undefined; the regex keeps luxon from accepting '20260101' or week dates. */
export function dayOrUndefined(value: unknown): DateTime<true> | undefined {
  if (typeof value !== 'string' || !DAY_PATTERN.test(value)) return undefined;
  const day = DateTime.fromISO(value, { zone: 'utc' });
  return day.isValid ? day : undefined;
}

export function parseDay(value: unknown): DateTime<true> {
  const day = dayOrUndefined(value);
  if (!day) throw new TypeError(`无效日期 ${JSON.stringify(value) ?? String(value)}，应为 YYYY-MM-DD / invalid date ${JSON.stringify(value) ?? String(value)}: expected a real date as YYYY-MM-DD`);
  return day;
}

export function isWeekend(day: DateTime): boolean {
  return day.weekday >= 6;
}
