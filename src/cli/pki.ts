/**
 * `sunshine ca …` manages the project CA in the database; `sunshine verify` checks a
 * signed document offline, from the root certificate and revocation list files alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { generatePrismaClientIfChanged } from '../database/generate-client.js';
import { verifyDocument } from '../documents/verification.js';
import { revokedFromCrl } from '../pki/cms.js';
import { x509 } from '../pki/crypto.js';

async function withAuthority<T>(work: (ca: import('../pki/authority.js').CertificateAuthority) => Promise<T>): Promise<T> {
  const config = loadConfig();
  generatePrismaClientIfChanged();
  const { createPrismaClient } = await import('../database/prisma.js');
  const { CertificateAuthority } = await import('../pki/authority.js');
  const database = createPrismaClient(config.database.apiUrl);
  try {
    await database.$queryRaw`SELECT 1`.catch(() => {
      throw new Error(`数据库不可达，请先启动 Sunshine / the database is not reachable at ${new URL(config.database.apiUrl).host}: start Sunshine first`);
    });
    return await work(new CertificateAuthority(database, config.keyEncryptionKey));
  } finally {
    await database.$disconnect();
  }
}

const print = (line: string) => process.stdout.write(`${line}\n`);

export function caCommand(): Command {
  const ca = new Command('ca').description('项目证书机构 / the project CA').exitOverride();
  ca.command('init')
    .description('建立根证书及各部门电子签章证书 / create the root and a seal for every department')
    .action(() =>
      withAuthority(async (authority) => {
        const result = await authority.init();
        print(result.rootCreated ? '已建立根证书 / root CA created' : '根证书已存在 / root CA exists');
        print(`新签章证书 / seals issued: ${result.sealsIssued.length ? result.sealsIssued.join(', ') : '—'}`);
      }),
    );
  ca.command('rotate')
    .description('轮换部门签章 / give a department a new seal')
    .argument('<department>', '部门编码 / department code')
    .action((department: string) =>
      withAuthority(async (authority) => {
        print(`新签章证书 / new seal: ${(await authority.issueSeal(department)).serialNumber}`);
      }),
    );
  ca.command('revoke')
    .description('吊销证书 / revoke a certificate')
    .argument('<serial>', '证书序列号 / serial number (hex)')
    .requiredOption('-r, --reason <text>', '原因 / reason')
    .action((serial: string, options: { reason: string }) =>
      withAuthority(async (authority) => {
        await authority.revoke(serial.toLowerCase(), options.reason);
        print(`已吊销 / revoked ${serial}`);
      }),
    );
  ca.command('export')
    .description('导出根证书与吊销列表，供离线核验 / write root.pem and crl.pem for offline verification')
    .argument('<dir>', '目录 / directory')
    .action((dir: string) =>
      withAuthority(async (authority) => {
        const root = await authority.root();
        if (!root) throw new Error('尚未建立根证书 / no root CA yet: run sunshine ca init');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'root.pem'), root.toString('pem'));
        fs.writeFileSync(path.join(dir, 'crl.pem'), (await authority.crl()).toString('pem'));
        print(`已写入 / wrote ${path.join(dir, 'root.pem')}, ${path.join(dir, 'crl.pem')}`);
      }),
    );
  return ca;
}

/** Signatures beside a document: x.pdf.p7s and x.pdf.<signer>.p7s. */
function signaturesBeside(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${base}.`) && name.endsWith('.p7s'))
    .map((name) => path.join(dir, name))
    .sort();
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description('离线核验签名文件 / verify a signed document offline (exit 0 valid, 3 not valid)')
    .argument('<file>', '文件 / the document (PDF)')
    .option('-s, --signature <p7s...>', '签名文件（默认：同目录 <文件>.*.p7s）/ signature files (default: <file>.*.p7s beside it)')
    .requiredOption('--ca <root.pem>', '根证书 / the root certificate (GET /api/pki/root)')
    .option('--crl <crl.pem>', '吊销列表 / the revocation list (GET /api/pki/crl)')
    .option('--json', 'JSON 输出 / print JSON')
    .action(async (file: string, options: { signature?: string[]; ca: string; crl?: string; json?: boolean }) => {
      if (!fs.existsSync(file)) throw new Error(`文件不存在 / no such file: ${file}`);
      const root = new x509.X509Certificate(fs.readFileSync(options.ca, 'utf8'));
      const revoked = options.crl ? await revokedFromCrl(new x509.X509Crl(fs.readFileSync(options.crl, 'utf8')), root) : new Map<string, Date>();
      const signatureFiles = options.signature ?? signaturesBeside(file);
      const report = await verifyDocument(
        fs.readFileSync(file),
        signatureFiles.map((signature) => fs.readFileSync(signature)),
        { roots: [root], revoked },
      );
      if (options.json) {
        print(JSON.stringify(report, null, 2));
      } else {
        const label = { valid: '有效 / valid', invalid: '无效 / invalid', revoked: '证书已吊销 / revoked', incomplete: '签名不全 / incomplete' }[report.status];
        print(`${label}  sha256 ${report.sha256}`);
        for (const signer of report.signers) print(`  ${signer.status.padEnd(9)} ${signer.name ?? '?'} (${signer.signer ?? '?'}) ${signer.signedAt ?? ''}${signer.reason ? `  ${signer.reason}` : ''}`);
        for (const reason of report.reasons) print(`  ${reason}`);
        if (!options.crl) print('  注意 / note: 未提供吊销列表，未检查吊销 / no --crl given: revocation not checked');
      }
      if (report.status !== 'valid') process.exitCode = 3;
    });
}
