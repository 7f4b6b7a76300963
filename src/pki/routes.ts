/** The CA over HTTP: public root and revocation list; certificates for browser keys; administration. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../database/prisma.js';
import { ApiError } from '../http/api-error.js';
import { ROLES } from '../identity/roles.js';
import type { CertificateAuthority } from './authority.js';

const certificateView = z.object({
  serial: z.string(),
  kind: z.enum(['root', 'seal', 'user']),
  subject: z.string(),
  departmentCode: z.string().nullable(),
  username: z.string().nullable(),
  pem: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  current: z.boolean(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
});

type CertificateRow = Awaited<ReturnType<Database['certificate']['findFirstOrThrow']>>;
const toView = (row: CertificateRow): z.infer<typeof certificateView> => ({
  serial: row.serial,
  kind: row.kind,
  subject: row.subject,
  departmentCode: row.departmentCode,
  username: row.username,
  pem: row.pem,
  notBefore: row.notBefore.toISOString(),
  notAfter: row.notAfter.toISOString(),
  current: row.current,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  revocationReason: row.revocationReason,
});

const admins = { access: { roles: ['admin' as const] } };

export const pkiRoutes =
  (database: Database, ca: CertificateAuthority): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/pki/root',
      { config: { access: 'public' }, schema: { tags: ['pki'], summary: '根证书（PEM）/ the root certificate (PEM)' } },
      async (_request, reply) => {
        const root = await ca.root();
        if (!root) throw new ApiError(404, 'CA_NOT_INITIALISED', '尚未建立根证书', 'no root CA yet');
        return reply.type('application/x-pem-file').header('content-disposition', 'attachment; filename="sunshine-root.pem"').send(root.toString('pem'));
      },
    );

    app.get(
      '/api/pki/crl',
      { config: { access: 'public' }, schema: { tags: ['pki'], summary: '证书吊销列表（PEM）/ the certificate revocation list (PEM)' } },
      async (_request, reply) =>
        reply.type('application/x-pem-file').header('content-disposition', 'attachment; filename="sunshine.crl.pem"').send((await ca.crl()).toString('pem')),
    );

    app.post(
      '/api/pki/certificates',
      {
        config: { access: { roles: [...ROLES] } },
        schema: {
          tags: ['pki'],
          summary: '为浏览器中生成的密钥签发证书 / certify a key made in the browser (PKCS#10)',
          body: z.object({ csr: z.string().min(100).max(10_000).describe('PKCS#10 PEM') }),
          response: { 201: certificateView },
        },
      },
      async (request, reply) => {
        const user = await database.user.findUniqueOrThrow({ where: { username: request.principal!.userId } });
        const certificate = await ca.issueUserCertificate(user, request.body.csr);
        await recordAudit(database, { actor: user.username, action: 'pki.certificate.issue', subject: `certificate:${certificate.serialNumber}` });
        return reply.status(201).send(toView(await database.certificate.findUniqueOrThrow({ where: { serial: certificate.serialNumber.toLowerCase() } })));
      },
    );

    app.get(
      '/api/pki/certificates/mine',
      {
        config: { access: { roles: [...ROLES] } },
        schema: { tags: ['pki'], summary: '我的当前证书 / my current certificate', response: { 200: z.object({ certificate: certificateView.nullable() }) } },
      },
      async (request) => {
        const row = await database.certificate.findFirst({ where: { kind: 'user', username: request.principal!.userId, current: true, revokedAt: null } });
        return { certificate: row ? toView(row) : null };
      },
    );

    app.get(
      '/api/pki/certificates',
      { config: admins, schema: { tags: ['pki'], summary: '全部证书 / all certificates', response: { 200: z.object({ certificates: z.array(certificateView) }) } } },
      async () => ({ certificates: (await database.certificate.findMany({ orderBy: [{ kind: 'asc' }, { createdAt: 'desc' }] })).map(toView) }),
    );

    app.post(
      '/api/pki/init',
      {
        config: admins,
        schema: { tags: ['pki'], summary: '建立根证书及缺少的部门签章 / create the root and missing seals', response: { 200: z.object({ rootCreated: z.boolean(), sealsIssued: z.array(z.string()) }) } },
      },
      async (request) => {
        const result = await ca.init();
        await recordAudit(database, { actor: request.principal!.userId, action: 'pki.init', subject: 'pki', details: result });
        return result;
      },
    );

    app.post(
      '/api/pki/certificates/:serial/revoke',
      {
        config: admins,
        schema: {
          tags: ['pki'],
          summary: '吊销证书 / revoke a certificate',
          params: z.object({ serial: z.string().regex(/^[0-9a-fA-F]{2,64}$/, 'must be a hex serial number') }),
          body: z.object({ reason: z.string().trim().min(2).max(500) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await ca.revoke(request.params.serial.toLowerCase(), request.body.reason);
        await recordAudit(database, { actor: request.principal!.userId, action: 'pki.certificate.revoke', subject: `certificate:${request.params.serial.toLowerCase()}`, details: request.body });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/pki/seals/:department/rotate',
      {
        config: admins,
        schema: { tags: ['pki'], summary: '轮换部门签章 / rotate a department’s seal', params: z.object({ department: z.string().min(1).max(60) }), response: { 201: certificateView } },
      },
      async (request, reply) => {
        const certificate = await ca.issueSeal(request.params.department);
        await recordAudit(database, { actor: request.principal!.userId, action: 'pki.seal.rotate', subject: `department:${request.params.department}`, details: { serial: certificate.serialNumber } });
        return reply.status(201).send(toView(await database.certificate.findUniqueOrThrow({ where: { serial: certificate.serialNumber.toLowerCase() } })));
      },
    );
  };
