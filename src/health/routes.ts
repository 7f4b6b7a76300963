/** Liveness and readiness probes for operators and load balancers. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EngineClient } from '../engine/client.js';

export interface ReadinessChecks {
  engine: EngineClient;
  pendingMigrations: () => Promise<string[]>;
}

const checkSchema = z.object({ ok: z.boolean(), detail: z.string().optional() });

export const healthRoutes =
  (checks: ReadinessChecks): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: { tags: ['operations'], summary: '存活检查 / liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/ready',
      {
        config: { access: 'public' },
        schema: {
          tags: ['operations'],
          summary: '就绪检查：引擎可达且迁移已应用 / readiness: engine reachable and migrations applied',
          response: {
            200: z.object({ ready: z.boolean(), engine: checkSchema, migrations: checkSchema }),
            503: z.object({ ready: z.boolean(), engine: checkSchema, migrations: checkSchema }),
          },
        },
      },
      async (_request, reply) => {
        const [engine, migrations] = await Promise.all([
          checks.engine.version().then(
            (version) => ({ ok: true, detail: `Camunda ${version}` }),
            (error: Error) => ({ ok: false, detail: error.message }),
          ),
          checks.pendingMigrations().then(
            (pending) => (pending.length === 0 ? { ok: true } : { ok: false, detail: `pending: ${pending.join(', ')}` }),
            (error: Error) => ({ ok: false, detail: error.message }),
          ),
        ]);
        const ready = engine.ok && migrations.ok;
        return reply.status(ready ? 200 : 503).send({ ready, engine, migrations });
      },
    );
  };
