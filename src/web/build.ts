/** Builds web/ with Vite when its inputs changed since the last build. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { WEB_DIST } from './static.js';

const WEB_DIR = path.dirname(WEB_DIST);
const ROOT = path.dirname(WEB_DIR);
const STAMP = path.join(WEB_DIST, '.inputs');
const LINT_RULES = path.join(ROOT, 'src/designer/lint/rules');

/** Server modules the browser bundles or takes types from (`from '../../../src/…'`). */
function sharedSources(webFiles: string[]): string[] {
  const shared = new Set<string>();
  for (const file of webFiles.filter((name) => /\.tsx?$/.test(name))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+src\/[^']+)\.js'/g)) {
      const source = path.resolve(path.dirname(file), `${match[1]}.ts`);
      if (fs.existsSync(source)) shared.add(source);
    }
  }
  return [...shared];
}

function inputsHash(): string {
  const hash = createHash('sha256');
  const files = fs
    .readdirSync(WEB_DIR, { recursive: true, encoding: 'utf8' })
    .filter((name) => !name.startsWith('dist'))
    .map((name) => path.join(WEB_DIR, name))
    .filter((file) => fs.statSync(file).isFile())
    .sort();
  // The designer's lint rules reach the bundle through the config module, not directly.
  const lintRules = fs.readdirSync(LINT_RULES).map((name) => path.join(LINT_RULES, name));
  for (const file of [...files, ...new Set([...sharedSources(files), ...lintRules]), path.join(ROOT, 'package-lock.json')].sort()) {
    hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export async function buildWebIfChanged(log: (message: string) => void = () => {}): Promise<{ built: boolean }> {
  const hash = inputsHash();
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) return { built: false };
  log('构建浏览器应用 / building the web app with Vite…');
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(STAMP, hash);
  return { built: true };
}
