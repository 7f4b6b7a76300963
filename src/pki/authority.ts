/**
 * The project CA (项目根证书): a self-signed root, one seal certificate per department
 * (电子签章证书) and certificates for users who sign in their browser. Certificates and
 * encrypted keys live in the database, so every node of a cluster signs with the same
 * seals; the revocation list is generated from it on request.
 */
import type { Database } from '../database/prisma.js';
import { ApiError } from '../http/api-error.js';
import { generateKeyPair, randomSerial, SIGNING_ALGORITHM, x509 } from './crypto.js';
import { openPrivateKey, sealPrivateKey } from './key-vault.js';

const ROOT_YEARS = 20;
const SEAL_YEARS = 3;
const USER_YEARS = 2;
const ORGANISATION = 'O=Sunshine City Government,C=CN';

const years = (from: Date, count: number) => new Date(from.getTime() + count * 365.25 * 864e5);

/** Escapes a value for an X.500 name (commas, plus signs and the like). */
const dn = (value: string) => value.replace(/([,+"\\<>;=])/g, '\\$1');

export interface SealSigner {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
}

export class CertificateAuthority {
  constructor(
    private readonly database: Database,
    private readonly kek: Buffer,
  ) {}

  async root(): Promise<x509.X509Certificate | undefined> {
    const row = await this.database.certificate.findFirst({ where: { kind: 'root', revokedAt: null }, orderBy: { createdAt: 'desc' } });
    return row ? new x509.X509Certificate(row.pem) : undefined;
  }

  private async rootSigner(): Promise<SealSigner> {
    const row = await this.database.certificate.findFirst({ where: { kind: 'root', revokedAt: null }, orderBy: { createdAt: 'desc' } });
    if (!row?.encryptedKey) throw new ApiError(409, 'CA_NOT_INITIALISED', '尚未建立根证书，请先运行 npx sunshine ca init', 'no root CA yet: run npx sunshine ca init');
    return { certificate: new x509.X509Certificate(row.pem), privateKey: await openPrivateKey(row.encryptedKey, row.serial, this.kek) };
  }

  /** Creates the root (once) and a seal for every active department that has none. */
  async init(now = new Date()): Promise<{ rootCreated: boolean; sealsIssued: string[] }> {
    let rootCreated = false;
    if (!(await this.root())) {
      const keys = await generateKeyPair();
      const serial = randomSerial();
      const certificate = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: serial,
        name: `CN=阳光政务根证书 Sunshine Root CA,${ORGANISATION}`,
        notBefore: now,
        notAfter: years(now, ROOT_YEARS),
        keys,
        signingAlgorithm: SIGNING_ALGORITHM,
        extensions: [
          new x509.BasicConstraintsExtension(true, 0, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
          await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        ],
      });
      await this.database.certificate.create({
        data: {
          serial,
          kind: 'root',
          subject: certificate.subject,
          pem: certificate.toString('pem'),
          encryptedKey: await sealPrivateKey(keys.privateKey, serial, this.kek),
          notBefore: certificate.notBefore,
          notAfter: certificate.notAfter,
          current: true,
        },
      });
      rootCreated = true;
    }
    const departments = await this.database.department.findMany({ where: { active: true }, orderBy: { code: 'asc' } });
    const sealsIssued: string[] = [];
    for (const department of departments) {
      const current = await this.database.certificate.findFirst({ where: { kind: 'seal', departmentCode: department.code, current: true, revokedAt: null } });
      if (!current) {
        await this.issueSeal(department.code, now);
        sealsIssued.push(department.code);
      }
    }
    return { rootCreated, sealsIssued };
  }

  /** An end-entity certificate (seal or user) for `publicKey`, signed by the root. */
  private async certify(subject: string, publicKey: CryptoKey, validYears: number, now: Date): Promise<x509.X509Certificate> {
    const root = await this.rootSigner();
    return x509.X509CertificateGenerator.create({
      serialNumber: randomSerial(),
      subject,
      issuer: root.certificate.subject,
      notBefore: now,
      notAfter: years(now, validYears),
      signingKey: root.privateKey,
      publicKey,
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        await x509.AuthorityKeyIdentifierExtension.create(root.certificate),
      ],
    });
  }

  /** Issues a department's seal; the previous one stops signing but stays to verify old documents. */
  async issueSeal(departmentCode: string, now = new Date()): Promise<x509.X509Certificate> {
    const department = await this.database.department.findUnique({ where: { code: departmentCode } });
    if (!department) throw new ApiError(404, 'NOT_FOUND', `部门 ${departmentCode} 不存在`, `no department ${departmentCode}`);
    const keys = await generateKeyPair();
    const certificate = await this.certify(`CN=${dn(department.nameZh)} 电子签章,OU=${dn(department.code)},${ORGANISATION}`, keys.publicKey, SEAL_YEARS, now);
    const serial = certificate.serialNumber.toLowerCase();
    const encryptedKey = await sealPrivateKey(keys.privateKey, serial, this.kek);
    await this.database.$transaction([
      this.database.certificate.updateMany({ where: { kind: 'seal', departmentCode, current: true }, data: { current: false } }),
      this.database.certificate.create({
        data: { serial, kind: 'seal', subject: certificate.subject, departmentCode, pem: certificate.toString('pem'), encryptedKey, notBefore: certificate.notBefore, notAfter: certificate.notAfter, current: true },
      }),
    ]);
    return certificate;
  }

  /** The department's current seal with its (decrypted, non-extractable) key. */
  async sealSigner(departmentCode: string, now = new Date()): Promise<SealSigner> {
    const row = await this.database.certificate.findFirst({ where: { kind: 'seal', departmentCode, current: true, revokedAt: null } });
    if (!row?.encryptedKey) {
      throw new ApiError(409, 'SEAL_MISSING', `部门 ${departmentCode} 没有有效的电子签章`, `department ${departmentCode} has no valid seal: run npx sunshine ca init or rotate the seal`);
    }
    if (row.notAfter <= now) throw new ApiError(409, 'SEAL_EXPIRED', `部门 ${departmentCode} 的电子签章已过期`, `the seal of ${departmentCode} has expired: rotate it`);
    return { certificate: new x509.X509Certificate(row.pem), privateKey: await openPrivateKey(row.encryptedKey, row.serial, this.kek) };
  }

  /**
   * Certifies a user's public key from a PKCS#10 request made in their browser. The
   * request proves possession of the private key; the name in the certificate is the
   * account's, whatever the request asked for.
   */
  async issueUserCertificate(user: { username: string; displayName: string }, csrPem: string, now = new Date()): Promise<x509.X509Certificate> {
    let request: x509.Pkcs10CertificateRequest;
    try {
      request = new x509.Pkcs10CertificateRequest(csrPem);
    } catch {
      throw new ApiError(400, 'CSR_INVALID', '证书请求无法解析', 'the certificate request (PKCS#10 PEM) cannot be read');
    }
    const algorithm = request.publicKey.algorithm as EcKeyAlgorithm;
    if (algorithm.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256') {
      throw new ApiError(400, 'CSR_ALGORITHM', '只接受 ECDSA P-256 密钥', 'only ECDSA P-256 keys are accepted');
    }
    if (!(await request.verify())) throw new ApiError(400, 'CSR_SIGNATURE', '证书请求的签名无效', 'the certificate request is not signed by its key');
    // UID (userId, RFC 4519) by its OID: the name parser knows no short name for it.
    const subject = `CN=${dn(user.displayName)},0.9.2342.19200300.100.1.1=${dn(user.username)},${ORGANISATION}`;
    const certificate = await this.certify(subject, await request.publicKey.export(), USER_YEARS, now);
    const serial = certificate.serialNumber.toLowerCase();
    await this.database.$transaction([
      this.database.certificate.updateMany({ where: { kind: 'user', username: user.username, current: true }, data: { current: false } }),
      this.database.certificate.create({
        data: { serial, kind: 'user', subject: certificate.subject, username: user.username, pem: certificate.toString('pem'), notBefore: certificate.notBefore, notAfter: certificate.notAfter, current: true },
      }),
    ]);
    return certificate;
  }

  async revoke(serial: string, reason: string, now = new Date()): Promise<void> {
    const row = await this.database.certificate.findUnique({ where: { serial } });
    if (!row) throw new ApiError(404, 'NOT_FOUND', '证书不存在', 'no such certificate');
    if (row.kind === 'root') throw new ApiError(409, 'ROOT_NOT_REVOCABLE', '根证书不能在此吊销', 'the root is replaced by a new CA, not revoked here');
    if (row.revokedAt) return;
    await this.database.certificate.update({ where: { serial }, data: { revokedAt: now, revocationReason: reason, current: false } });
  }

  /** The certificate revocation list (CRL), signed by the root, for offline verifiers. */
  async crl(now = new Date()): Promise<x509.X509Crl> {
    const root = await this.rootSigner();
    const revoked = await this.database.certificate.findMany({ where: { revokedAt: { not: null } }, orderBy: { revokedAt: 'asc' } });
    return x509.X509CrlGenerator.create({
      issuer: root.certificate.subject,
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + 7 * 864e5),
      entries: revoked.map((row) => ({ serialNumber: row.serial, revocationDate: row.revokedAt!, reason: x509.X509CrlReason.unspecified })),
      signingKey: root.privateKey,
      signingAlgorithm: SIGNING_ALGORITHM,
    });
  }
}
