/**
 * Serves the built browser app (web/dist) with a fallback to index.html so that
 * client-side routes survive a reload. API paths never fall back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export const webApp = (): FastifyPluginAsync => async (app) => {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`浏览器应用未构建 / the web app is not built (${WEB_DIST}); run npm start or npm run build:web`);
  }
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/') || path.extname(url)) {
      return reply.status(404).send({ error: 'NOT_FOUND', message: `接口不存在 / no such route: ${request.method} ${url}` });
    }
    return reply.type('text/html').sendFile('index.html');
  });
};
