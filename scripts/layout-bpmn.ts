/**
 * Adds diagram interchange (DI) to semantic-only BPMN files, in place:
 *
 *   node --import tsx scripts/layout-bpmn.ts [--force] <file.bpmn>...
 *
 * Files that already have a <bpmndi:BPMNDiagram> are left alone unless --force is given
 * (then their DI is removed and computed again). Only the DI is written; the process XML
 * is kept as it is (see scripts/bpmn-layout.ts). One line per file; exit 1 on any error.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { LayoutError, layoutBpmn } from './bpmn-layout.js';

const USAGE = '用法 / usage: node --import tsx scripts/layout-bpmn.ts [--force] <file.bpmn>...';

function parse() {
  try {
    return parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}
const args = parse();
if (args.values.help || args.positionals.length === 0) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}

let failed = false;
for (const file of args.positionals) {
  try {
    const xml = fs.readFileSync(file, 'utf8');
    const outcome = await layoutBpmn(xml, { force: args.values.force });
    const notes = outcome.notes.length > 0 ? ` — ${outcome.notes.join('; ')}` : '';
    if (outcome.status === 'laid-out') {
      fs.writeFileSync(file, outcome.xml);
      console.log(`已布局 / laid out: ${file}${notes}`);
    } else {
      console.log(`未改动 / unchanged: ${file} (already has DI; --force recomputes it)${notes}`);
    }
  } catch (error) {
    failed = true;
    const reason = error instanceof LayoutError || (error instanceof Error && 'code' in error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.log(`错误 / error: ${file}: ${reason}`);
  }
}
process.exit(failed ? 1 : 0);
