/**
 * Public system status: is the engine up, and which procedures are deployed (the
 * procedures are public information under the six disclosures anyway).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EngineClient } from '../engine/client.js';
import { EngineUnavailableError } from '../engine/errors.js';

const statusSchema = z.object({
  engine: z.object({
    reachable: z.boolean(),
    version: z.string().nullable(),
    checkedAt: z.string(),
    message: z.string().optional(),
  }),
  processes: z.array(
    z.object({
      key: z.string(),
      name: z.string().nullable(),
      version: z.number().int(),
      versionTag: z.string().nullable(),
      deployedAt: z.string().nullable(),
    }),
  ),
});

export const statusRoutes =
  (engine: EngineClient): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/status',
      {
        config: { access: 'public' },
        schema: { tags: ['status'], summary: '引擎状态与已部署流程 / engine status and deployed procedures', response: { 200: statusSchema } },
      },
      async (request) => {
        const checkedAt = new Date().toISOString();
        try {
          const [version, definitions, deployments] = await Promise.all([
            engine.version(),
            engine.processDefinitions({ latestVersion: true }),
            engine.deployments(),
          ]);
          const deployedAt = new Map(deployments.map((deployment) => [deployment.id, deployment.deploymentTime]));
          return {
            engine: { reachable: true, version, checkedAt },
            processes: definitions.map((definition) => ({
              key: definition.key,
              name: definition.name,
              version: definition.version,
              versionTag: definition.versionTag,
              deployedAt: deployedAt.get(definition.deploymentId) ?? null,
            })),
          };
        } catch (error) {
          // Public route: say what is wrong, not where the engine lives.
          request.log.warn({ err: error }, 'engine status check failed');
          const message =
            error instanceof EngineUnavailableError
              ? '流程引擎不可达 / the process engine is unreachable'
              : `流程引擎出错 / the process engine answered with an error (${(error as Error).name})`;
          return { engine: { reachable: false, version: null, checkedAt, message }, processes: [] };
        }
      },
    );
  };
