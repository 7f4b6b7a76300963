/**
 * The holiday calendar over HTTP: anyone may read which years are loaded (the schedule
 * is public); administrators load a new year's State Council notice or correct one.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import type { CalendarService } from './service.js';
import { holidayYearSchema } from './year-data.js';

const yearInfo = z.object({
  year: z.number().int(),
  source: z.string(),
  origin: z.enum(['shipped', 'administrator']),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  workingDays: z.number().int(),
  daysOff: z.number().int(),
});

export const calendarRoutes =
  (calendars: CalendarService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/calendar/years',
      {
        config: { access: 'public' },
        schema: { tags: ['calendar'], summary: '已载入的节假日年份 / holiday years in force', response: { 200: z.object({ years: z.array(yearInfo) }) } },
      },
      async () => ({ years: await calendars.years() }),
    );

    app.put(
      '/api/calendar/years/:year',
      {
        config: { access: { roles: ['admin'] } },
        schema: {
          tags: ['calendar'],
          summary: '载入或更正一年的节假日安排 / load or correct a year of the holiday notice',
          params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          body: holidayYearSchema,
          response: { 200: yearInfo },
        },
      },
      async (request) => {
        if (request.body.year !== request.params.year) {
          throw new ApiError(400, 'YEAR_MISMATCH', `路径年份 ${request.params.year} 与数据年份 ${request.body.year} 不一致`, `the year in the path (${request.params.year}) differs from the data (${request.body.year})`);
        }
        return calendars.saveYear(request.body, request.principal!.userId);
      },
    );
  };
