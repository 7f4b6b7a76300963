/** Instants as the diagrams and the public expect them: ISO-8601 in Asia/Shanghai (+08:00). */
import { DateTime } from 'luxon';
import { ZONE } from './day.js';

export function toShanghaiIso(instant: Date | string): string {
  const value = typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  if (!value.isValid) throw new TypeError(`无效时间 / not a valid instant: ${String(instant)}`);
  return value.setZone(ZONE).toISO({ suppressMilliseconds: true })!;
}
