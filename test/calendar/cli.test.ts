/** `sunshine calendar …` as a user runs it (a fresh data directory: the shipped data). */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-calendar-cli-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function calendarCli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, SUNSHINE_DATA_DIR: dataDir };
    execFile(process.execPath, ['bin/sunshine.mjs', 'calendar', ...args], { encoding: 'utf8', timeout: 60_000, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A failure prints nothing on stdout and exactly one `错误 / error:` line on stderr. */
function expectOneLineError(run: Run, pattern: RegExp) {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^错误 \/ error: /);
  expect(lines[0]).toMatch(pattern);
}

describe('calendar CLI', () => {
  it('prints one line for add, between and year', async () => {
    const [add, between, year, year2025] = await Promise.all([
      calendarCli('add', '2026-02-13', '3'),
      calendarCli('between', '2025-12-25', '2026-01-10'),
      calendarCli('year', '2026'),
      calendarCli('year', '2025'),
    ]);
    expect(add).toEqual({ code: 0, stdout: '2026-02-25\n', stderr: '' });
    expect(between).toEqual({ code: 0, stdout: '10\n', stderr: '' });
    expect(year).toEqual({ code: 0, stdout: '2026: 248 个工作日 / working days, 117 天休息日 / days off\n', stderr: '' });
    expect(year2025.stdout).toBe('2025: 248 个工作日 / working days, 117 天休息日 / days off\n');
  });

  it('checks a holiday-year file and names its problems', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-calendar-'));
    const bad = path.join(dir, '2027.json');
    fs.writeFileSync(bad, JSON.stringify({ year: 2027, source: 'draft', daysOff: ['2027-01-01', '2026-12-31'], makeUpWorkdays: ['2027-01-04'] }));
    const [good, refused] = await Promise.all([calendarCli('check', 'src/calendar/holidays/2026.json'), calendarCli('check', bad)]);
    expect(good).toEqual({ code: 0, stdout: '2026: 248 个工作日 / working days, 117 天休息日 / days off\n', stderr: '' });
    expectOneLineError(refused, /2027\.json: .*2026-12-31 is not in 2027.*2027-01-04 is not a weekend day/);
  });

  it('fails with one line for a bad date, a bad n and a year without data', async () => {
    const [badDate, negative, fraction, missing, missingYear, badYear] = await Promise.all([
      calendarCli('add', '2026-02-30', '3'),
      calendarCli('add', '2026-02-13', '-1'),
      calendarCli('add', '2026-02-13', '1.5'),
      calendarCli('add', '2026-12-30', '5'),
      calendarCli('year', '2027'),
      calendarCli('between', '2026-01-05', 'yesterday'),
    ]);
    expectOneLineError(badDate, /invalid date "2026-02-30"/);
    expectOneLineError(negative, /invalid number of working days "-1"/);
    expectOneLineError(fraction, /invalid number of working days "1\.5"/);
    expectOneLineError(missing, /no holiday data for 2027/);
    expectOneLineError(missingYear, /^错误 \/ error: 缺少 2027 年节假日数据 \/ no holiday data for 2027: an administrator must load the State Council notice first$/);
    expectOneLineError(badYear, /invalid date "yesterday"/);
  });
});
