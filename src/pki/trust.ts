/** The trust anchors in force: the project's root(s) and the revoked certificates. */
import type { Database } from '../database/prisma.js';
import { x509 } from './crypto.js';
import type { TrustAnchors } from './cms.js';

export async function trustAnchors(database: Database): Promise<TrustAnchors> {
  const [roots, revoked] = await Promise.all([
    database.certificate.findMany({ where: { kind: 'root' } }),
    database.certificate.findMany({ where: { revokedAt: { not: null } }, select: { serial: true, revokedAt: true } }),
  ]);
  return {
    roots: roots.map((row) => new x509.X509Certificate(row.pem)),
    revoked: new Map(revoked.map((row) => [row.serial.toLowerCase(), row.revokedAt!])),
  };
}

const UID = '0.9.2342.19200300.100.1.1';

/** Who a certificate speaks for: the department code of a seal (OU) or the username of a user (UID). */
export function signerOf(certificate: x509.X509Certificate): string | undefined {
  return certificate.subjectName.getField(UID)[0] ?? certificate.subjectName.getField('OU')[0];
}
