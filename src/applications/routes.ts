/**
 * Applications (申请): online submission by the applicant or at the window by a clerk,
 * the applicant's own cases, and the supply of missing items after a one-time notice.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../identity/access.js';
import { pendingCorrections, requireApplicantSide, supplyCorrections } from './corrections.js';
import { applicationSchema, submitApplication, uploadSchema, type IntakeDependencies } from './intake.js';

/** Room for the largest item's materials at their limits, base64-encoded (4/3). */
const BODY_LIMIT = 160 * 1024 * 1024;
const applicantSide: { access: Access } = { access: { roles: ['citizen', 'clerk'] } };
const caseParams = z.object({ caseId: z.string().min(1).max(64) });

export const applicationRoutes =
  (deps: IntakeDependencies): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/applications',
      {
        bodyLimit: BODY_LIMIT,
        config: applicantSide,
        schema: {
          tags: ['applications'],
          summary: '提交申请（按事项办事指南校验材料）/ submit an application (materials checked against the service guide)',
          body: applicationSchema,
          response: {
            201: z.object({ caseId: z.string(), businessKey: z.string(), itemCode: z.string(), catalogueVersion: z.number(), deadline: z.string(), yellowAt: z.string() }),
          },
        },
      },
      async (request, reply) => reply.status(201).send(await submitApplication(deps, request.body, request.principal!)),
    );

    app.get(
      '/api/applications/mine',
      {
        config: { access: { roles: ['citizen'] } },
        schema: {
          tags: ['applications'],
          summary: '我的申请 / my applications',
          response: { 200: z.object({ items: z.array(z.object({ caseId: z.string(), businessKey: z.string(), itemCode: z.string().nullable(), applicant: z.string(), submittedAt: z.string(), running: z.boolean() })) }) },
        },
      },
      async (request) => {
        const records = await deps.database.caseRecord.findMany({ where: { createdBy: request.principal!.userId }, orderBy: { createdAt: 'desc' }, take: 200 });
        const running = new Set((records.length ? await deps.engine.processInstances({ processInstanceIds: records.map((record) => record.caseId) }) : []).map((instance) => instance.id));
        return {
          items: records.map((record) => ({ caseId: record.caseId, businessKey: record.businessKey, itemCode: record.catalogueCode, applicant: record.applicant, submittedAt: record.createdAt.toISOString(), running: running.has(record.caseId) })),
        };
      },
    );

    app.get(
      '/api/cases/:caseId/corrections',
      {
        config: applicantSide,
        schema: {
          tags: ['applications'],
          summary: '待补正的通知 / open notices of missing items',
          params: caseParams,
          response: { 200: z.object({ items: z.array(z.object({ requestId: z.string(), department: z.string().nullable(), missingItems: z.array(z.string()), opinion: z.string().nullable() })) }) },
        },
      },
      async (request) => {
        await requireApplicantSide(deps.database, request.principal!, request.params.caseId);
        return { items: await pendingCorrections(deps.engine, request.params.caseId) };
      },
    );

    app.post(
      '/api/cases/:caseId/corrections/:requestId',
      {
        bodyLimit: BODY_LIMIT,
        config: applicantSide,
        schema: {
          tags: ['applications'],
          summary: '提交补正材料 / supply the missing items',
          params: caseParams.extend({ requestId: z.string().min(1).max(64) }),
          body: z.object({ materials: z.array(uploadSchema).min(1).max(50) }),
          response: { 200: z.object({ round: z.number(), materials: z.array(z.string()) }) },
        },
      },
      async (request) => supplyCorrections(deps, request.params.caseId, request.params.requestId, request.body.materials, request.principal!),
    );
  };
