/** The holiday notices shipped with the code (src/calendar/holidays/<year>.json). */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHolidayYear, type HolidayYear } from './year-data.js';

const HOLIDAYS_DIR = fileURLToPath(new URL('./holidays/', import.meta.url));

export function shippedHolidayYears(): HolidayYear[] {
  return fs
    .readdirSync(HOLIDAYS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const year = parseHolidayYear(readJson(`${HOLIDAYS_DIR}${name}`), name);
      // A file named for one year holding another would load the wrong notice unnoticed.
      if (name !== `${year.year}.json`) throw new Error(`${name} 含有 ${year.year} 年的数据 / ${name} holds the data for ${year.year}`);
      return year;
    });
}

export function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`无法读取 ${file} / cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} 不是有效的 JSON / ${file} is not valid JSON: ${(error as Error).message}`);
  }
}
