/**
 * Cockpit / Tasklist / Admin for operators at /camunda on the API's own port, so the
 * engine's port stays on loopback. The webapps have their own login (the engine admin
 * account); the REST API at /engine-rest is deliberately not proxied.
 */
import proxy from '@fastify/http-proxy';
import type { FastifyPluginAsync } from 'fastify';

export const operatorProxy =
  (engineRestUrl: string): FastifyPluginAsync =>
  async (app) => {
    const upstream = new URL(engineRestUrl).origin;
    await app.register(proxy, { upstream, prefix: '/camunda', rewritePrefix: '/camunda', http2: false });
  };
