/**
 * Public verification (文件核验) by number or by upload, the signature files, and signing
 * by users whose key lives in their browser.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record.js';
import { requireCaseAccess } from '../cases/access.js';
import type { Database } from '../database/prisma.js';
import type { EngineClient } from '../engine/client.js';
import { ApiError } from '../http/api-error.js';
import { ROLES } from '../identity/roles.js';
import type { DocumentService } from './service.js';

const numberParams = z.object({ number: z.string().regex(/^[A-Z]{3}-\d{8}-[0-9A-F]{8}$/, 'must be a document number such as LIC-20261128-1A2B3C4D') });

const signerView = z.object({
  signer: z.string().nullable(),
  name: z.string().nullable(),
  subject: z.string().nullable(),
  serial: z.string().nullable(),
  signedAt: z.string().nullable(),
  status: z.enum(['valid', 'invalid', 'revoked', 'untrusted']),
  reason: z.string().optional(),
});
const reportView = z.object({
  status: z.enum(['valid', 'invalid', 'revoked', 'incomplete']),
  reasons: z.array(z.string()),
  sha256: z.string(),
  signers: z.array(signerView),
  missing: z.array(z.string()),
});
const publicDocument = z.object({ number: z.string(), kind: z.enum(['licence', 'decision', 'report']), title: z.string(), sha256: z.string(), issuedAt: z.string(), requiredSigners: z.array(z.string()) });
const verificationView = z.object({ document: publicDocument.nullable(), report: reportView });

/** What the public learns about a document: never the case it belongs to. */
const publicView = <T extends { document: { caseId: string | null } | null }>(result: T) => ({
  ...result,
  document: result.document ? (({ caseId: _caseId, ...rest }) => rest)(result.document) : null,
});

export const documentRoutes =
  ({ engine, database, documents }: { engine: EngineClient; database: Database; documents: DocumentService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/verify/:number',
      { config: { access: 'public' }, schema: { tags: ['documents'], summary: '按编号核验文件 / verify a document by its number', params: numberParams, response: { 200: verificationView } } },
      async (request) => publicView(await documents.verifyByNumber(request.params.number)),
    );

    app.post(
      '/api/verify',
      {
        config: { access: 'public' },
        schema: {
          tags: ['documents'],
          summary: '上传文件核验（可附签名文件）/ verify an uploaded document (optionally with its .p7s files)',
          body: z.object({
            document: z.base64().describe('文件内容（Base64）/ the file, base64'),
            signatures: z.array(z.base64()).max(50).optional().describe('分离式签名（Base64 DER）/ detached CMS signatures, base64 DER'),
          }),
          response: { 200: verificationView },
        },
      },
      async (request) =>
        publicView(
          await documents.verifyUpload(
            Buffer.from(request.body.document, 'base64'),
            (request.body.signatures ?? []).map((signature) => Buffer.from(signature, 'base64')),
          ),
        ),
    );

    app.get(
      '/api/documents/awaiting-my-signature',
      {
        config: { access: { roles: [...ROLES] } },
        schema: {
          tags: ['documents'],
          summary: '待我签名的文件 / documents waiting for my signature',
          response: { 200: z.object({ documents: z.array(publicDocument.extend({ signedBy: z.array(z.string()) })) }) },
        },
      },
      async (request) => ({ documents: await documents.awaitingSignature(request.principal!.userId) }),
    );

    app.get(
      '/api/documents/:number/signatures/:signer',
      {
        config: { access: 'public' },
        schema: { tags: ['documents'], summary: '签名文件（.p7s）/ a signer’s detached signature (.p7s)', params: numberParams.extend({ signer: z.string().min(1).max(100) }) },
      },
      async (request, reply) => {
        const document = await documents.find(request.params.number);
        const signature = document.signatures.find((candidate) => candidate.signer === request.params.signer);
        if (!signature) throw new ApiError(404, 'NOT_FOUND', '没有此签名', 'no such signature');
        return reply
          .type('application/pkcs7-signature')
          .header('content-disposition', `attachment; filename="${document.number}.pdf.${signature.signer}.p7s"`)
          .send(Buffer.from(signature.cms));
      },
    );

    app.get(
      '/api/documents/:number/file',
      {
        config: { access: { roles: [...ROLES] } },
        schema: { tags: ['documents'], summary: '文件本身（PDF）/ the document itself (PDF)', params: numberParams },
      },
      async (request, reply) => {
        const document = await documents.find(request.params.number);
        const principal = request.principal!;
        // Its signers, and whoever may see its case, may read it.
        if (!document.requiredSigners.includes(principal.userId)) {
          if (!document.caseId) throw new ApiError(403, 'DOCUMENT_FORBIDDEN', '无权查看此文件', 'you may not read this document');
          await requireCaseAccess(engine, database, principal, document.caseId);
        }
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${document.number}.pdf"`).header('cache-control', 'private, no-store').send(Buffer.from(document.content));
      },
    );

    app.post(
      '/api/documents/:number/signatures',
      {
        config: { access: { roles: [...ROLES] } },
        schema: {
          tags: ['documents'],
          summary: '以浏览器中的私钥签名 / sign with the key held in my browser',
          params: numberParams,
          body: z.object({ cms: z.base64().describe('分离式 CMS 签名（Base64 DER）/ detached CMS signature, base64 DER') }),
          response: { 200: reportView },
        },
      },
      async (request) => {
        const report = await documents.addSignature(request.params.number, request.principal!.userId, Buffer.from(request.body.cms, 'base64'));
        await recordAudit(database, { actor: request.principal!.userId, action: 'document.sign', subject: `document:${request.params.number}` });
        return report;
      },
    );
  };
