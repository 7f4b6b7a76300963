/** The case file, its diagram and its materials, for whoever may see the case. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../database/prisma.js';
import type { EngineClient } from '../engine/client.js';
import { requireCaseAccess } from './access.js';
import type { CaseFileService } from './case-file.js';

const caseParams = z.object({ caseId: z.string().regex(/^[0-9a-f-]{36}$/, 'must be a case id (UUID)') });
const readers = { access: { roles: ['clerk' as const, 'reviewer' as const, 'head' as const, 'supervisor' as const, 'citizen' as const] } };

const caseFileView = z.object({
  caseId: z.string(),
  businessKey: z.string(),
  processKey: z.string(),
  processName: z.string(),
  state: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  applicant: z.string(),
  project: z.record(z.string(), z.unknown()),
  greenChannel: z.boolean(),
  /** 事项及其版本：案件按受理时的版本办理 / the catalogue item and the version the case keeps */
  catalogue: z.object({ code: z.string(), version: z.number().int() }).nullable(),
  materials: z.array(z.object({ id: z.string(), code: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int(), round: z.number().int(), uploadedAt: z.string() })),
  opinions: z.array(
    z.object({
      step: z.string(),
      stepName: z.string(),
      department: z.string().nullable(),
      departmentName: z.string().nullable(),
      decision: z.string().nullable(),
      /** 表单中的选项文字，如“予以受理 / accept” / the option's label on the form */
      decisionLabel: z.string().nullable(),
      opinion: z.string().nullable(),
      author: z.string(),
      decidedAt: z.string(),
    }),
  ),
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(['step', 'pause', 'resume', 'warning']),
      text: z.string(),
      level: z.enum(['yellow', 'red']).optional(),
      step: z.string().optional(),
      reasonLabel: z.string().optional(),
      shiftedWorkingDays: z.number().int().optional(),
    }),
  ),
  documents: z.array(z.object({ number: z.string(), kind: z.enum(['licence', 'decision', 'report']), title: z.string(), issuedAt: z.string() })),
  deadlines: z
    .object({ deadline: z.string(), yellowAt: z.string(), steps: z.record(z.string(), z.object({ days: z.number(), deadline: z.string(), yellowAt: z.string() })) })
    .nullable(),
  paused: z.boolean(),
  tasks: z.array(z.object({ id: z.string(), name: z.string().nullable(), step: z.string(), assignee: z.string().nullable(), due: z.string().nullable(), mine: z.boolean() })),
});

export const caseRoutes =
  (engine: EngineClient, database: Database, caseFiles: CaseFileService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases/:caseId',
      { config: readers, schema: { tags: ['cases'], summary: '案卷 / the case file', params: caseParams, response: { 200: caseFileView } } },
      async (request) => {
        await requireCaseAccess(engine, database, request.principal!, request.params.caseId);
        return caseFiles.caseFile(request.params.caseId, request.principal!.userId);
      },
    );

    app.get(
      '/api/cases/:caseId/diagram',
      {
        config: readers,
        schema: {
          tags: ['cases'],
          summary: '流程图及办理进度 / the diagram with completed and current steps',
          params: caseParams,
          response: { 200: z.object({ xml: z.string(), completed: z.array(z.string()), active: z.array(z.string()) }) },
        },
      },
      async (request) => {
        await requireCaseAccess(engine, database, request.principal!, request.params.caseId);
        return caseFiles.diagram(request.params.caseId);
      },
    );

    app.get(
      '/api/cases/:caseId/materials/:materialId',
      {
        config: readers,
        schema: { tags: ['cases'], summary: '查看材料（PDF 或图片）/ a material file (PDF or image)', params: caseParams.extend({ materialId: z.coerce.bigint() }) },
      },
      async (request, reply) => {
        await requireCaseAccess(engine, database, request.principal!, request.params.caseId);
        const material = await caseFiles.material(request.params.caseId, request.params.materialId);
        return reply
          .type(material.contentType)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(material.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(material.file.content));
      },
    );
  };
