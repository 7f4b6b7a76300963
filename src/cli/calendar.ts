/**
 * The calendar the CLI computes with: the shipped holiday data plus the years
 * administrators loaded into the database. With the embedded database stopped, the
 * shipped data is all there is; if that database holds data, the CLI says it cannot
 * see it rather than ignoring it silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { calendarCommand } from '../calendar/cli.js';
import { CalendarService } from '../calendar/service.js';
import { shippedHolidayYears } from '../calendar/shipped.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { loadConfig } from '../config/config.js';
import { generatePrismaClientIfChanged } from '../database/generate-client.js';
import { postmasterPid } from '../database/server.js';

async function calendarInForce(): Promise<WorkingCalendar> {
  const config = loadConfig();
  const options = { closingTime: config.office.closingTime };
  const embedded = config.database.embedded;
  if (embedded && !postmasterPid(embedded.dir)) {
    if (fs.existsSync(path.join(embedded.dir, 'PG_VERSION'))) {
      process.stderr.write('注意 / note: 数据库未运行，仅使用随代码发布的节假日数据 / the database is not running: using the shipped holiday data only\n');
    }
    return new WorkingCalendar(shippedHolidayYears(), options);
  }
  generatePrismaClientIfChanged();
  const { createPrismaClient } = await import('../database/prisma.js');
  const database = createPrismaClient(config.database.apiUrl);
  try {
    return await new CalendarService(database, options).calendar();
  } finally {
    await database.$disconnect();
  }
}

export const calendarCli = () => calendarCommand(calendarInForce);
