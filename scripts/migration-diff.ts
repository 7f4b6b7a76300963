/**
 * Writes a new migration: `node --import tsx scripts/migration-diff.ts <name>` diffs the
 * schema.prisma of HEAD against the working copy and writes
 * prisma/migrations/<timestamp>_<name>/migration.sql. Prisma's offline schema engine
 * connects to a database even for a datamodel diff, so a throwaway PostgreSQL is started.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/database/server.js';
import { freePort } from '../src/net/free-port.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('用法 / usage: node --import tsx scripts/migration-diff.ts <snake_case_name>');
  process.exit(1);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-diff-'));
fs.chmodSync(dir, 0o755);
const previous = path.join(dir, 'previous.prisma');
fs.writeFileSync(previous, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { encoding: 'utf8' }));
const { stop, adminUrl } = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port: await freePort(), password: 'migration-diff' });
try {
  const sql = execFileSync(
    process.execPath,
    ['node_modules/prisma/build/index.js', 'migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
    { env: { ...process.env, DATABASE_URL: adminUrl }, encoding: 'utf8' },
  );
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const target = path.join('prisma/migrations', `${stamp}_${name}`);
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'migration.sql'), sql);
  console.log(`写入 / wrote ${target}/migration.sql`);
} finally {
  await stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
