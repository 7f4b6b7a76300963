/** The project CA, sealed and multi-signed documents, and their verification. */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Database } from '../../src/database/prisma.js';
import { DocumentService, documentNumber } from '../../src/documents/service.js';
import { verifyDocument } from '../../src/documents/verification.js';
import { ensureAdministrator, seedDemo } from '../../src/identity/seed.js';
import { CertificateAuthority } from '../../src/pki/authority.js';
import { revokedFromCrl, signDetached } from '../../src/pki/cms.js';
import { generateKeyPair, SIGNING_ALGORITHM, x509 } from '../../src/pki/crypto.js';
import { KeyVaultError, openPrivateKey } from '../../src/pki/key-vault.js';
import { trustAnchors } from '../../src/pki/trust.js';
import { DEMO_PASSWORD, TEST_ADMIN } from '../support/app.js';
import { freshDatabase } from '../support/environment.js';

let database: Database;
let ca: CertificateAuthority;
let documents: DocumentService;
const kek = randomBytes(32);
const pdfLike = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);

/** A user who made a key pair and got it certified, as the browser does. */
async function certifiedUser(username: string, displayName: string) {
  const keys = await generateKeyPair();
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: `CN=${username}`, keys, signingAlgorithm: SIGNING_ALGORITHM });
  const certificate = await ca.issueUserCertificate({ username, displayName }, csr.toString('pem'));
  return { keys, certificate };
}

beforeAll(async () => {
  database = createPrismaClient(await freshDatabase());
  await ensureAdministrator(database, TEST_ADMIN);
  await seedDemo(database, DEMO_PASSWORD);
  ca = new CertificateAuthority(database, kek);
  documents = new DocumentService(database, ca);
});

describe('project CA', () => {
  it('creates the root and a seal per department once', async () => {
    const first = await ca.init();
    expect(first.rootCreated).toBe(true);
    expect(first.sealsIssued).toEqual(expect.arrayContaining(['demo', 'housing', 'window']));
    expect(await ca.init()).toEqual({ rootCreated: false, sealsIssued: [] });
    const seal = await ca.sealSigner('housing');
    expect(seal.certificate.subject).toContain('市住房和城乡建设局 电子签章');
    expect(await seal.certificate.verify({ publicKey: (await ca.root())!.publicKey, signatureOnly: true })).toBe(true);
  });

  it('keeps private keys encrypted at rest, bound to their certificate', async () => {
    const rows = await database.certificate.findMany({ where: { encryptedKey: { not: null } } });
    expect(rows.length).toBeGreaterThan(10);
    // The DER prefix every PKCS#8 P-256 key starts with must not appear in the stored bytes.
    const pkcs8Prefix = Buffer.from('308187020100301306072a8648ce3d020106082a8648ce3d030107', 'hex');
    for (const row of rows) expect(Buffer.from(row.encryptedKey!).includes(pkcs8Prefix)).toBe(false);
    const [one, other] = rows;
    await expect(openPrivateKey(one!.encryptedKey!, one!.serial, randomBytes(32))).rejects.toBeInstanceOf(KeyVaultError);
    await expect(openPrivateKey(one!.encryptedKey!, other!.serial, kek)).rejects.toBeInstanceOf(KeyVaultError);
    const key = await openPrivateKey(one!.encryptedKey!, one!.serial, kek);
    expect(key.extractable).toBe(false);
  });

  it('certifies a browser key from its request, under the account’s name', async () => {
    const { certificate } = await certifiedUser('expert', '评标专家（演示）');
    expect(certificate.subject).toContain('CN=评标专家（演示）');
    // A request for someone else's public key, signed with another key, proves no possession.
    const [theirs, mine] = [await generateKeyPair(), await generateKeyPair()];
    const forged = await x509.Pkcs10CertificateRequestGenerator.create({ name: 'CN=x', keys: { publicKey: theirs.publicKey, privateKey: mine.privateKey }, signingAlgorithm: SIGNING_ALGORITHM });
    await expect(ca.issueUserCertificate({ username: 'bidder', displayName: 'b' }, forged.toString('pem'))).rejects.toMatchObject({ code: 'CSR_SIGNATURE' });
    await expect(ca.issueUserCertificate({ username: 'bidder', displayName: 'b' }, 'not a request')).rejects.toMatchObject({ code: 'CSR_INVALID' });
  });
});

describe('sealed documents', () => {
  it('verifies a sealed document, says which byte change makes it invalid', async () => {
    const number = documentNumber('licence');
    const content = pdfLike(`licence ${number} 同意`);
    await documents.issueSealed({ number, kind: 'licence', title: '电子证照', content, department: 'demo' });
    const { report } = await documents.verifyByNumber(number);
    expect(report).toMatchObject({ status: 'valid', missing: [], signers: [expect.objectContaining({ signer: 'demo', status: 'valid', name: '演示审查科 电子签章' })] });

    const stored = await documents.find(number);
    const altered = Buffer.from(content);
    altered[20] = altered[20]! ^ 0x01;
    const tampered = await verifyDocument(altered, [stored.signatures[0]!.cms], await trustAnchors(database));
    expect(tampered.status).toBe('invalid');
    expect(tampered.reasons[0]).toMatch(/altered/);
    const upload = await documents.verifyUpload(altered);
    expect(upload.report.status).toBe('invalid');
    expect((await documents.verifyUpload(content)).report.status).toBe('valid');
  });

  it('reports a document sealed with a revoked certificate as revoked, also through the CRL', async () => {
    const number = documentNumber('decision');
    await documents.issueSealed({ number, kind: 'decision', title: '决定书', content: pdfLike(number), department: 'fire' });
    const seal = await ca.sealSigner('fire');
    await ca.revoke(seal.certificate.serialNumber, 'key compromise');
    expect((await documents.verifyByNumber(number)).report.status).toBe('revoked');
    const revoked = await revokedFromCrl(await ca.crl(), (await ca.root())!);
    expect(revoked.has(seal.certificate.serialNumber.toLowerCase())).toBe(true);
    await expect(ca.sealSigner('fire')).rejects.toMatchObject({ code: 'SEAL_MISSING' });
    // Rotation gives the department a new seal; documents it seals are valid again.
    await ca.issueSeal('fire');
    const next = documentNumber('decision');
    await documents.issueSealed({ number: next, kind: 'decision', title: '决定书', content: pdfLike(next), department: 'fire' });
    expect((await documents.verifyByNumber(next)).report.status).toBe('valid');
  });

  it('calls a signature from another CA invalid', async () => {
    const keys = await generateKeyPair();
    const stranger = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '0abc', name: 'CN=Someone Else CA', keys, signingAlgorithm: SIGNING_ALGORITHM });
    const content = pdfLike('forged');
    const cms = await signDetached(content, stranger, keys.privateKey);
    const report = await verifyDocument(content, [cms], await trustAnchors(database));
    expect(report.status).toBe('invalid');
    expect(report.signers[0]!.status).toBe('untrusted');
  });
});

describe('multi-signature reports', () => {
  it('is incomplete until every expert signed with their own key', async () => {
    const first = await certifiedUser('expert1', '专家甲');
    const second = await certifiedUser('expert2', '专家乙');
    await database.user.createMany({
      data: ['expert1', 'expert2'].map((username) => ({ username, displayName: username, roles: ['expert'], passwordHash: 'x' })),
      skipDuplicates: true,
    });
    const number = documentNumber('report');
    const content = pdfLike(`report ${number}`);
    await documents.createForSigning({ number, kind: 'report', title: '评标报告', content, requiredSigners: ['expert1', 'expert2'] });
    expect((await documents.verifyByNumber(number)).report.status).toBe('invalid'); // nobody signed yet

    const afterOne = await documents.addSignature(number, 'expert1', await signDetached(content, first.certificate, first.keys.privateKey));
    expect(afterOne).toMatchObject({ status: 'incomplete', missing: ['expert2'] });
    expect(afterOne.reasons[0]).toContain('expert2');

    // Someone signing with another person's certificate, or another document, is refused.
    await expect(documents.addSignature(number, 'expert2', await signDetached(content, first.certificate, first.keys.privateKey))).rejects.toMatchObject({ code: 'SIGNATURE_NOT_YOURS' });
    await expect(documents.addSignature(number, 'expert2', await signDetached(pdfLike('other'), second.certificate, second.keys.privateKey))).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
    await expect(documents.addSignature(number, 'bidder', await signDetached(content, second.certificate, second.keys.privateKey))).rejects.toMatchObject({ code: 'NOT_A_SIGNER' });

    const complete = await documents.addSignature(number, 'expert2', await signDetached(content, second.certificate, second.keys.privateKey));
    expect(complete.status).toBe('valid');
    expect(complete.signers.map((signer) => signer.signer).sort()).toEqual(['expert1', 'expert2']);
  });
});
