/**
 * Generates the Prisma client (src/generated/prisma, not in git) when the schema or the
 * Prisma version changed, so a fresh clone needs no extra step before start or test.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = path.join(ROOT, 'src/generated/prisma');
const STAMP = path.join(OUTPUT, '.inputs');

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of ['prisma/schema.prisma', 'prisma.config.ts', 'node_modules/prisma/package.json']) {
    hash.update(file).update('\0').update(fs.readFileSync(path.join(ROOT, file))).update('\0');
  }
  return hash.digest('hex');
}

export function generatePrismaClientIfChanged(log: (message: string) => void = () => {}): { generated: boolean } {
  const hash = inputsHash();
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) return { generated: false };
  log('生成 Prisma 客户端 / generating the Prisma client…');
  const env = { ...process.env };
  delete env.DATABASE_URL; // generate never connects; prisma.config.ts supplies a placeholder
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/prisma/build/index.js'), 'generate'], { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`Prisma 客户端生成失败 / prisma generate failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-5).join(' | ')}`);
  }
  fs.writeFileSync(STAMP, hash);
  return { generated: true };
}
