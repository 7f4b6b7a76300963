/**
 * The calendar in force: the holiday data shipped with the code, overridden year by
 * year by what administrators loaded into the database. Every process checks a cheap
 * version stamp before use, so a correction takes effect everywhere without a restart.
 */
import { recordAudit } from '../audit/record.js';
import type { Database } from '../database/prisma.js';
import { shippedHolidayYears } from './shipped.js';
import { WorkingCalendar } from './working-calendar.js';
import type { HolidayYear } from './year-data.js';

export interface CalendarYearInfo {
  year: number;
  source: string;
  origin: 'shipped' | 'administrator';
  updatedBy: string | null;
  updatedAt: string | null;
  workingDays: number;
  daysOff: number;
}

export class CalendarService {
  private cached?: { stamp: string; calendar: WorkingCalendar; overrides: Map<number, { updatedBy: string; updatedAt: Date }> };
  private readonly shipped = shippedHolidayYears();

  constructor(
    private readonly database: Database,
    private readonly options: { closingTime?: string } = {},
  ) {}

  private async stamp(): Promise<string> {
    const [row] = await this.database.$queryRaw<{ stamp: string }[]>`
      SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') AS stamp FROM calendar_year`;
    return row!.stamp;
  }

  /** The calendar as of now (reloaded when an administrator changed a year). */
  async calendar(): Promise<WorkingCalendar> {
    const stamp = await this.stamp();
    if (this.cached?.stamp === stamp) return this.cached.calendar;
    const rows = await this.database.calendarYear.findMany();
    const years = new Map<number, HolidayYear>(this.shipped.map((year) => [year.year, year]));
    for (const row of rows) years.set(row.year, { year: row.year, source: row.source, daysOff: row.daysOff, makeUpWorkdays: row.makeUpWorkdays });
    const calendar = new WorkingCalendar([...years.values()], this.options);
    this.cached = { stamp, calendar, overrides: new Map(rows.map((row) => [row.year, { updatedBy: row.updatedBy, updatedAt: row.updatedAt }])) };
    return calendar;
  }

  async years(): Promise<CalendarYearInfo[]> {
    const calendar = await this.calendar();
    const overrides = this.cached!.overrides;
    const rows = await this.database.calendarYear.findMany({ select: { year: true, source: true } });
    const sources = new Map<number, string>([...this.shipped.map((year) => [year.year, year.source] as const), ...rows.map((row) => [row.year, row.source] as const)]);
    return calendar.years().map((year) => {
      const override = overrides.get(year);
      return {
        source: sources.get(year) ?? '',
        origin: override ? 'administrator' : 'shipped',
        updatedBy: override?.updatedBy ?? null,
        updatedAt: override?.updatedAt.toISOString() ?? null,
        ...calendar.yearSummary(year),
      };
    });
  }

  /** Loads or corrects one year (already validated), audited; effective at once. */
  async saveYear(data: HolidayYear, actor: string): Promise<CalendarYearInfo> {
    const previous = await this.database.calendarYear.findUnique({ where: { year: data.year } });
    await this.database.calendarYear.upsert({
      where: { year: data.year },
      create: { ...data, updatedBy: actor },
      update: { source: data.source, daysOff: data.daysOff, makeUpWorkdays: data.makeUpWorkdays, updatedBy: actor },
    });
    await recordAudit(this.database, {
      actor,
      action: previous ? 'calendar.year.correct' : 'calendar.year.load',
      subject: `calendar:${data.year}`,
      details: { source: data.source, daysOff: data.daysOff, makeUpWorkdays: data.makeUpWorkdays, previous: previous ? { daysOff: previous.daysOff, makeUpWorkdays: previous.makeUpWorkdays } : null },
    });
    return (await this.years()).find((info) => info.year === data.year)!;
  }
}
