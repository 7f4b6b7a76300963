/**
 * The browser tests need Debian's Chromium (Playwright cannot download its own here).
 * Installs it with apt when missing and we are root; otherwise says what to run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { CHROMIUM } from '../test/support/browser.js';

export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`缺少 Chromium / ${CHROMIUM} is missing: run "sudo apt-get update && sudo apt-get install -y chromium" (or set SUNSHINE_CHROMIUM)`);
  }
  console.log('安装 Chromium / installing Debian chromium for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
}
