/**
 * The catalogue over HTTP. Reading is public (the six disclosures are published to
 * citizens); creating, revising and withdrawing items is for administrators.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { itemDefinitionSchema } from './item.js';
import type { CatalogueService } from './service.js';

const codeParams = z.object({ code: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, 'must be a catalogue item code') });
const entryView = z.object({
  code: z.string(),
  version: z.number().int(),
  currentVersion: z.number().int(),
  active: z.boolean(),
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string(), createdBy: z.string(), changeNote: z.string() })),
  definition: z.record(z.string(), z.unknown()),
});
const admins = { access: { roles: ['admin' as const] } };

export const catalogueRoutes =
  (catalogue: CatalogueService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/catalogue',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: '事项目录（含部门名称）/ the catalogue of items, with the names of their departments',
          response: { 200: z.object({ items: z.array(entryView), departments: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })) }) },
        },
      },
      async () => ({ items: await catalogue.list(), departments: await catalogue.departmentNames() }),
    );

    app.get(
      '/api/catalogue/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: '办事指南（可指定版本）/ a service guide, current or a given version',
          params: codeParams,
          querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
          response: { 200: entryView },
        },
      },
      async (request) => catalogue.get(request.params.code, request.query.version),
    );

    app.post(
      '/api/catalogue',
      { config: admins, schema: { tags: ['catalogue'], summary: '新建事项 / create an item', body: itemDefinitionSchema, response: { 201: entryView } } },
      async (request, reply) => reply.status(201).send(await catalogue.create(request.body, request.principal!.userId)),
    );

    app.put(
      '/api/catalogue/:code',
      {
        config: admins,
        schema: {
          tags: ['catalogue'],
          summary: '修订事项（产生新版本）/ revise an item (a new version)',
          params: codeParams,
          body: z.object({ definition: itemDefinitionSchema, changeNote: z.string().trim().min(2).max(1000).describe('修订说明 / what changed and why') }),
          response: { 200: entryView },
        },
      },
      async (request) => catalogue.revise(request.params.code, request.body.definition, request.body.changeNote, request.principal!.userId),
    );

    app.patch(
      '/api/catalogue/:code',
      {
        config: admins,
        schema: { tags: ['catalogue'], summary: '停用或启用事项 / withdraw or reinstate an item', params: codeParams, body: z.object({ active: z.boolean() }), response: { 200: entryView } },
      },
      async (request) => catalogue.setActive(request.params.code, request.body.active, request.principal!.userId),
    );
  };
