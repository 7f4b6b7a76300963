/** `sunshine ca …` against the database, and `sunshine verify` offline from exported files. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type Database } from '../../src/database/prisma.js';
import { renderLicence } from '../../src/documents/render.js';
import { DocumentService, documentNumber } from '../../src/documents/service.js';
import { seedDemo } from '../../src/identity/seed.js';
import { CertificateAuthority } from '../../src/pki/authority.js';
import { generateKeyPair, SIGNING_ALGORITHM, x509 } from '../../src/pki/crypto.js';
import { DEMO_PASSWORD } from '../support/app.js';
import { freshDatabase, testEnvironment, unique } from '../support/environment.js';

const env = testEnvironment();
const kek = randomBytes(32).toString('base64');
let databaseUrl: string;
let database: Database;
let dir: string;

function sunshine(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/sunshine.mjs', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      SUNSHINE_DATA_DIR: path.join(env.dir, 'pki-cli'),
      DATABASE_URL: databaseUrl,
      SUNSHINE_ENGINE_DATABASE_URL: env.engineDatabaseUrl,
      SUNSHINE_KEY_ENCRYPTION_KEY: kek,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  databaseUrl = await freshDatabase();
  database = createPrismaClient(databaseUrl);
  await seedDemo(database, DEMO_PASSWORD);
  dir = path.join(env.dir, unique('pki-cli'));
  fs.mkdirSync(dir, { recursive: true });
});

describe('sunshine ca and sunshine verify', () => {
  it('initialises the CA, exports it, and verifies a sealed licence offline; tampering and revocation are caught', async () => {
    const init = sunshine('ca', 'init');
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('root CA created');
    expect(sunshine('ca', 'init').stdout).toContain('root CA exists');

    const documents = new DocumentService(database, new CertificateAuthority(database, Buffer.from(kek, 'base64')));
    const number = documentNumber('licence');
    const content = await renderLicence({
      number,
      itemName: '演示：材料核验与审查',
      caseNumber: 'DEMO-20261128-ABCDEF',
      applicant: '阳光新能源科技有限公司',
      decision: '准予许可 / approved',
      department: { name: '演示审查科', code: 'demo' },
      issuedAt: new Date(),
      sealCode: await documents.sealCode('demo'),
    });
    await documents.issueSealed({ number, kind: 'licence', title: '电子证照', content, department: 'demo' });
    const [signature] = (await documents.find(number)).signatures;
    const pdf = path.join(dir, `${number}.pdf`);
    fs.writeFileSync(pdf, content);
    fs.writeFileSync(`${pdf}.demo.p7s`, signature!.cms);

    expect(sunshine('ca', 'export', dir).code).toBe(0);
    const valid = sunshine('verify', pdf, '--ca', path.join(dir, 'root.pem'), '--crl', path.join(dir, 'crl.pem'));
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toMatch(/^有效 \/ valid/);
    expect(valid.stdout).toContain('演示审查科 电子签章');

    const tampered = path.join(dir, 'tampered.pdf');
    const bytes = Buffer.from(content);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    fs.writeFileSync(tampered, bytes);
    const invalid = sunshine('verify', tampered, '--signature', `${pdf}.demo.p7s`, '--ca', path.join(dir, 'root.pem'));
    expect(invalid.code).toBe(3);
    expect(invalid.stdout).toMatch(/^无效 \/ invalid/);
    expect(invalid.stdout).toContain('altered');

    // Another CA's root does not vouch for our seal.
    const keys = await generateKeyPair();
    const otherRoot = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '4a01', name: 'CN=阳光政务根证书 Sunshine Root CA,O=Sunshine City Government,C=CN', keys, signingAlgorithm: SIGNING_ALGORITHM });
    fs.writeFileSync(path.join(dir, 'other-root.pem'), otherRoot.toString('pem'));
    const untrusted = sunshine('verify', pdf, '--ca', path.join(dir, 'other-root.pem'));
    expect(untrusted.code).toBe(3);

    const serial = (await database.certificate.findFirstOrThrow({ where: { kind: 'seal', departmentCode: 'demo', current: true } })).serial;
    expect(sunshine('ca', 'revoke', serial, '--reason', 'key compromise').code).toBe(0);
    expect(sunshine('ca', 'export', dir).code).toBe(0);
    const revoked = sunshine('verify', pdf, '--ca', path.join(dir, 'root.pem'), '--crl', path.join(dir, 'crl.pem'), '--json');
    expect(revoked.code).toBe(3);
    expect(JSON.parse(revoked.stdout).status).toBe('revoked');
  });

  it('fails with one line when the database is not reachable or the root is missing', () => {
    const saved = databaseUrl;
    databaseUrl = 'postgresql://nobody:nothing@127.0.0.1:9/none';
    const down = sunshine('ca', 'init');
    databaseUrl = saved;
    expect(down.code).toBe(1);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(/database is not reachable/);
    const noRoot = sunshine('verify', path.join(dir, 'missing.pdf'), '--ca', 'nowhere.pem');
    expect(noRoot.code).toBe(1);
  });
});
