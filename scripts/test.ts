/**
 * `npm test`: everything a fresh clone needs, then the type check and the whole vitest
 * run (unit, integration against the real engine, and the browser tests in Chromium).
 */
import { spawnSync } from 'node:child_process';
import { generatePrismaClientIfChanged } from '../src/database/generate-client.js';
import { ensureChromium } from './ensure-chromium.js';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

try {
  ensureChromium();
  generatePrismaClientIfChanged((message) => console.log(message));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
console.log('类型检查 / type check (tsc --noEmit)…');
run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)]);
