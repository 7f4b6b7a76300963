/**
 * Deploys the procedures shipped in processes/ (BPMN and DMN). Duplicate filtering
 * means an unchanged diagram does not become a new version on every start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deployment, EngineClient } from './client.js';

export const PROCESSES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../processes');
const DEPLOYABLE = /\.(bpmn|dmn)$/;

export function findProcessFiles(dir = PROCESSES_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => DEPLOYABLE.test(name))
    .map((name) => path.join(dir, name))
    .sort();
}

/** Deploys files under resource names relative to `root`, so folders keep names unique. */
export function deployFiles(engine: EngineClient, files: string[], options: { name: string; root?: string; source?: string }): Promise<Deployment> {
  return engine.deploy({
    name: options.name,
    source: options.source ?? 'sunshine',
    files: files.map((file) => ({
      name: options.root ? path.relative(options.root, file) : path.basename(file),
      content: fs.readFileSync(file),
    })),
  });
}

export function deployShippedProcesses(engine: EngineClient, dir = PROCESSES_DIR): Promise<Deployment> {
  return deployFiles(engine, findProcessFiles(dir), { name: 'sunshine-processes', root: dir, source: 'sunshine-start' });
}
