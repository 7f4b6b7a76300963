/** Pause and resume a case's clock (暂停计时 / 恢复计时), and list its pauses. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaseAccess } from '../cases/access.js';
import type { Database } from '../database/prisma.js';
import type { EngineClient } from '../engine/client.js';
import { REASON_CODES } from './reasons.js';
import type { ClockStopService } from './service.js';

const caseParams = z.object({ caseId: z.string().regex(/^[0-9a-f-]{36}$/, 'must be a case id (UUID)') });

const stopView = z.object({
  id: z.string(),
  reason: z.enum(REASON_CODES),
  reasonLabel: z.string(),
  note: z.string(),
  pausedBy: z.string(),
  pausedAt: z.string(),
  resumedBy: z.string().nullable(),
  resumedAt: z.string().nullable(),
  shiftedWorkingDays: z.number().int().nullable(),
});

const caseStaff = { access: { roles: ['clerk' as const, 'reviewer' as const, 'head' as const] } };

export const clockStopRoutes =
  ({ engine, database, clockStops }: { engine: EngineClient; database: Database; clockStops: ClockStopService }): FastifyPluginAsyncZod =>
  async (app) => {
    // Only staff who may see the case may stop or restart its clock.
    app.addHook('preHandler', async (request) => {
      const { caseId } = request.params as { caseId?: string };
      if (caseId && request.principal) await requireCaseAccess(engine, database, request.principal, caseId);
    });

    app.get(
      '/api/cases/:caseId/clock',
      {
        config: { access: { roles: ['clerk', 'reviewer', 'head', 'supervisor'] } },
        schema: { tags: ['clock'], summary: '案件计时状态与暂停记录 / clock state and pauses of a case', params: caseParams, response: { 200: z.object({ paused: z.boolean(), stops: z.array(stopView) }) } },
      },
      async (request) => clockStops.list(request.params.caseId),
    );

    app.post(
      '/api/cases/:caseId/clock/pause',
      {
        config: caseStaff,
        schema: {
          tags: ['clock'],
          summary: '暂停计时 / stop the clock',
          params: caseParams,
          body: z.object({
            reason: z.enum(REASON_CODES).describe('法定事由 / statutory reason'),
            note: z.string().trim().max(2000).optional().describe('说明（书面告知申请人的内容）/ note told to the applicant'),
          }),
          response: { 201: stopView },
        },
      },
      async (request, reply) => reply.status(201).send(await clockStops.pause(request.params.caseId, request.body, request.principal!.userId)),
    );

    app.post(
      '/api/cases/:caseId/clock/resume',
      {
        config: caseStaff,
        schema: {
          tags: ['clock'],
          summary: '恢复计时 / restart the clock',
          params: caseParams,
          body: z.object({ note: z.string().trim().max(2000).optional() }),
          response: { 200: z.object({ stop: stopView, deadline: z.string().nullable() }) },
        },
      },
      async (request) => clockStops.resume(request.params.caseId, request.body, request.principal!.userId),
    );
  };
