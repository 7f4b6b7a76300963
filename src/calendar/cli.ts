/**
 * `sunshine calendar …`: working-day arithmetic from the command line. Each subcommand
 * prints one line to stdout; bad input throws an Error with a one-line message.
 */
import { Command } from 'commander';
import { readJson } from './shipped.js';
import { WorkingCalendar } from './working-calendar.js';
import { parseHolidayYear } from './year-data.js';

function summaryLine(calendar: WorkingCalendar, year: number): string {
  const { workingDays, daysOff } = calendar.yearSummary(year);
  return `${year}: ${workingDays} 个工作日 / working days, ${daysOff} 天休息日 / days off`;
}

// Number('') is 0 and Number('1e3') is 1000: only plain digits are a count.
function parseCount(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`无效的工作日数 "${value}"，应为非负整数 / invalid number of working days "${value}": expected a non-negative integer`);
  return n;
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new Error(`无效年份 "${value}"，应为 YYYY / invalid year "${value}": expected YYYY`);
  return Number(value);
}

const print = (line: string) => process.stdout.write(`${line}\n`);

export function calendarCommand(getCalendar: () => Promise<WorkingCalendar>): Command {
  // Set before the subcommands are created so they inherit it: errors reach the caller's handler.
  const calendar = new Command('calendar').description('法定工作日日历 / statutory working-day calendar').exitOverride();

  calendar
    .command('add')
    .description('第 n 个工作日（不含起始日）/ the n-th working day after a day (start day not counted)')
    .argument('<day>', 'YYYY-MM-DD')
    .argument('<n>', '工作日数 / number of working days')
    .action(async (day: string, n: string) => {
      const count = parseCount(n);
      print((await getCalendar()).addWorkingDays(day, count));
    });

  calendar
    .command('between')
    .description('(a, b] 中的工作日数 / working days in (a, b]')
    .argument('<a>', 'YYYY-MM-DD')
    .argument('<b>', 'YYYY-MM-DD')
    .action(async (a: string, b: string) => {
      print(String((await getCalendar()).workingDaysBetween(a, b)));
    });

  calendar
    .command('year')
    .description('全年工作日与休息日 / working days and days off of a year')
    .argument('<year>', 'YYYY')
    .action(async (year: string) => {
      const parsed = parseYear(year);
      print(summaryLine(await getCalendar(), parsed));
    });

  calendar
    .command('check')
    .description('校验节假日数据文件 / validate a holiday-year file')
    .argument('<file>', '<year>.json')
    .action((file: string) => {
      const data = parseHolidayYear(readJson(file), file);
      print(summaryLine(new WorkingCalendar([data]), data.year));
    });

  return calendar;
}
