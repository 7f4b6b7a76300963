/**
 * The BPMN designer's API (流程设计): procedures and their versions, drafts, element
 * templates, lint, deploy with checks — for designers and administrators — and the
 * migration of running cases between versions, for administrators only.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../database/prisma.js';
import type { EngineClient } from '../engine/client.js';
import { DraftService } from './drafts.js';
import { DeploymentService } from './deployments.js';
import { elementTemplates } from './element-templates.js';
import { lintContext } from './lint/context.js';
import { lintBpmn } from './lint/lint-bpmn.js';
import { MigrationService } from './migration.js';
import { definitionXml, listProcedures, runningCases } from './procedures.js';

const designers = { access: { roles: ['designer' as const, 'admin' as const] } };
const admins = { access: { roles: ['admin' as const] } };
const tags = ['designer'];

/** BPMN process ids are XML NCNames. */
const processKey = z.string().regex(/^[A-Za-z_][\w.-]{0,254}$/, 'must be a BPMN process id (process definition key)');
/** Camunda definition ids: `<key>:<version>:<uuid>` (or a bare id). */
const definitionId = z.string().regex(/^[\w.:-]{1,255}$/, 'must be a process definition id');
const xml = z.string().min(1).max(5 * 1024 * 1024).describe('BPMN 2.0 XML');
const fileName = z
  .string()
  .regex(/^(?!\/)(?!.*\.\.)[\p{L}\p{N}_\-. /]{1,200}\.(bpmn|dmn)$/u, 'must be a .bpmn or .dmn file name (folders allowed, no "..")');

const draftSummary = z.object({ id: z.number().int(), processKey: z.string(), name: z.string(), comment: z.string(), author: z.string(), createdAt: z.string() });
const draft = draftSummary.extend({ xml: z.string() });
const version = z.object({
  definitionId: z.string(),
  version: z.number().int(),
  versionTag: z.string().nullable(),
  deploymentId: z.string(),
  deploymentTime: z.string().nullable(),
  resource: z.string(),
  suspended: z.boolean(),
  runningCases: z.number().int(),
});
const procedure = z.object({ key: z.string(), name: z.string().nullable(), versions: z.array(version), latestDraft: draftSummary.nullable() });
const problem = z.object({ rule: z.string(), elementId: z.string().optional(), message: z.string(), category: z.enum(['error', 'warn']) });
const deployed = z.object({ key: z.string(), version: z.number().int(), id: z.string() });
const instruction = z.object({
  sourceActivityIds: z.array(z.string().min(1)).min(1),
  targetActivityIds: z.array(z.string().min(1)).min(1),
  updateEventTrigger: z.boolean().optional(),
});
const planSchema = z.object({ sourceProcessDefinitionId: definitionId, targetProcessDefinitionId: definitionId, instructions: z.array(instruction) });
const instructionReport = z.object({ instruction, failures: z.array(z.string()) });

export const designerRoutes =
  (deps: { engine: EngineClient; database: Database }): FastifyPluginAsyncZod =>
  async (app) => {
    const { engine, database } = deps;
    const drafts = new DraftService(database);
    const deployments = new DeploymentService(engine, database);
    const migrations = new MigrationService(engine, database);

    app.get(
      '/api/designer/procedures',
      { config: designers, schema: { tags, summary: '流程及其版本、运行中案件数与最新草稿 / procedures with their versions, running cases and latest draft', response: { 200: z.object({ procedures: z.array(procedure) }) } } },
      async () => ({ procedures: await listProcedures(engine, drafts) }),
    );

    app.get(
      '/api/designer/definitions/:definitionId/xml',
      { config: designers, schema: { tags, summary: '已部署版本的 BPMN XML / the BPMN XML of a deployed version', params: z.object({ definitionId }), response: { 200: z.object({ xml: z.string() }) } } },
      async (request) => ({ xml: await definitionXml(engine, request.params.definitionId) }),
    );

    app.get(
      '/api/designer/decisions',
      {
        config: designers,
        schema: {
          tags,
          summary: '已部署的决策表（各键最新版本）/ the deployed decision tables, latest version of each',
          response: { 200: z.object({ decisions: z.array(z.object({ id: z.string(), key: z.string(), name: z.string().nullable(), version: z.number().int(), resource: z.string() })) }) },
        },
      },
      async () => ({
        decisions: (await engine.decisionDefinitions({ latestVersion: true })).map(({ id, key, name, version, resource }) => ({ id, key, name, version, resource })),
      }),
    );

    app.get(
      '/api/designer/decisions/:decisionId/xml',
      { config: designers, schema: { tags, summary: '已部署决策表的 DMN XML / the DMN XML of a deployed decision table', params: z.object({ decisionId: definitionId }), response: { 200: z.object({ xml: z.string() }) } } },
      async (request) => ({ xml: await engine.decisionDefinitionXml(request.params.decisionId) }),
    );

    app.get(
      '/api/designer/procedures/:key/drafts',
      { config: designers, schema: { tags, summary: '流程的草稿（新的在前）/ drafts of a procedure, newest first', params: z.object({ key: processKey }), response: { 200: z.object({ drafts: z.array(draftSummary) }) } } },
      async (request) => ({ drafts: await drafts.list(request.params.key) }),
    );

    app.post(
      '/api/designer/procedures/:key/drafts',
      {
        config: designers,
        schema: {
          tags,
          summary: '保存草稿（须为定义该流程的有效 BPMN）/ save a draft (well-formed BPMN defining that process)',
          params: z.object({ key: processKey }),
          body: z.object({ xml, comment: z.string().trim().max(2000).default('') }),
          response: { 201: draft },
        },
      },
      async (request, reply) => reply.status(201).send(await drafts.save(request.params.key, request.body, request.principal!.userId)),
    );

    app.get(
      '/api/designer/drafts/:id',
      { config: designers, schema: { tags, summary: '一份草稿（含 XML）/ one draft with its XML', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: draft } } },
      async (request) => drafts.get(request.params.id),
    );

    app.get(
      '/api/designer/templates',
      {
        config: designers,
        schema: { tags, summary: 'Camunda 7 元素模板（按部门）/ Camunda 7 element templates, by department', response: { 200: z.array(z.record(z.string(), z.unknown())) } },
      },
      async () => elementTemplates() as unknown as Record<string, unknown>[],
    );

    app.get(
      '/api/designer/lint-context',
      {
        config: designers,
        schema: { tags, summary: '浏览器端检查所需：已注册主题与部门编码 / what the browser linter checks against', response: { 200: z.object({ topics: z.array(z.string()), departments: z.array(z.string()) }) } },
      },
      async () => lintContext(database),
    );

    app.post(
      '/api/designer/lint',
      { config: designers, schema: { tags, summary: '检查流程图 / lint a BPMN diagram', body: z.object({ xml }), response: { 200: z.object({ problems: z.array(problem) }) } } },
      async (request) => lintBpmn(request.body.xml, await lintContext(database)),
    );

    app.post(
      '/api/designer/deploy',
      {
        config: designers,
        schema: {
          tags,
          summary: '检查并部署（无变化则不产生新版本）/ check and deploy (an unchanged diagram makes no new version)',
          body: z.object({
            files: z
              .array(z.object({ name: fileName, xml }))
              .min(1)
              .max(20)
              .refine((files) => new Set(files.map((file) => file.name)).size === files.length, 'file names must be unique'),
            comment: z.string().trim().max(2000).default(''),
          }),
          response: {
            201: z.object({ deploymentId: z.string(), duplicate: z.boolean(), definitions: z.array(deployed), decisions: z.array(deployed) }),
          },
        },
      },
      async (request, reply) => reply.status(201).send(await deployments.deploy(request.body.files, request.body.comment, request.principal!.userId)),
    );

    app.get(
      '/api/designer/migration-plan',
      {
        config: admins,
        schema: {
          tags,
          summary: '生成并校验迁移计划 / generate and validate a migration plan',
          querystring: z.object({
            source: definitionId,
            target: definitionId,
            updateEventTriggers: z
              .enum(['true', 'false'])
              .default('false')
              .transform((value) => value === 'true')
              .describe('重新计算计时器（默认保留原到期时间）/ recompute timers (default: keep their due dates)'),
          }),
          response: {
            200: z.object({
              plan: planSchema,
              unmappedActivities: z.array(z.object({ id: z.string(), name: z.string().nullable(), type: z.string() })),
              validation: z.object({ valid: z.boolean(), instructionReports: z.array(instructionReport), variableReports: z.record(z.string(), z.unknown()).optional() }),
            }),
          },
        },
      },
      async (request) => migrations.plan(request.query.source, request.query.target, request.query.updateEventTriggers),
    );

    app.post(
      '/api/designer/migrations',
      {
        config: admins,
        schema: {
          tags,
          summary: '迁移运行中案件（异步批次）/ migrate running cases (an asynchronous batch)',
          body: z.object({ plan: planSchema, processInstanceIds: z.array(z.string().min(1).max(64)).min(1).max(10_000) }),
          response: { 202: z.object({ batchId: z.string() }) },
        },
      },
      async (request, reply) => reply.status(202).send(await migrations.execute(request.body.plan, request.body.processInstanceIds, request.principal!.userId)),
    );

    app.get(
      '/api/designer/migrations/:batchId',
      {
        config: admins,
        schema: {
          tags,
          summary: '迁移批次进度与失败原因 / progress of a migration batch, with why cases failed',
          params: z.object({ batchId: z.string().regex(/^[\w-]{1,64}$/) }),
          response: {
            200: z.object({
              batchId: z.string(),
              total: z.number().int(),
              completed: z.number().int(),
              failed: z.number().int(),
              remaining: z.number().int(),
              done: z.boolean(),
              failures: z.array(z.object({ caseId: z.string().nullable(), reason: z.string() })),
            }),
          },
        },
      },
      async (request) => migrations.status(request.params.batchId),
    );

    app.get(
      '/api/designer/procedures/:key/cases',
      {
        config: admins,
        schema: {
          tags,
          summary: '某版本上运行中的案件 / running cases of one version',
          params: z.object({ key: processKey }),
          querystring: z.object({ definitionId }),
          response: { 200: z.object({ cases: z.array(z.object({ caseId: z.string(), businessKey: z.string().nullable(), startTime: z.string(), state: z.string() })) }) },
        },
      },
      async (request) => ({ cases: await runningCases(engine, request.params.key, request.query.definitionId) }),
    );
  };
