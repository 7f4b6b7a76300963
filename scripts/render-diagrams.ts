/**
 * Renders BPMN diagrams to SVG and PNG with the bpmn-js NavigatedViewer in headless Chromium:
 *
 *   node --import tsx scripts/render-diagrams.ts [--out docs/diagrams] [--scale 1] [<file.bpmn>...]
 *
 * Without files, renders every processes/**\/*.bpmn. For each file writes
 *   <out>/<basename>.svg                  the main diagram (bpmn-js saveSVG)
 *   <out>/<basename>.png                  the same picture as PNG (--scale: device pixels per px)
 *   <out>/<basename>.<subProcessId>.svg   each collapsed sub-process's drill-down plane
 * bpmn-js is loaded from node_modules into a blank page and all network requests are
 * refused. Import warnings count as errors (exit 1). The output is deterministic: bpmn-js's
 * random marker ids are renumbered and nothing carries a date.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser.js';

const USAGE = '用法 / usage: node --import tsx scripts/render-diagrams.ts [--out docs/diagrams] [--scale 1] [<file.bpmn>...]';
const VIEWER_SCRIPT = createRequire(import.meta.url).resolve('bpmn-js/dist/bpmn-navigated-viewer.production.min.js');

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'docs/diagrams' },
        scale: { type: 'string', default: '1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}
const args = parse();
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const scale = Number(args.values.scale);
if (!(scale > 0 && scale <= 4)) {
  console.error(`--scale must be a number in (0, 4]\n${USAGE}`);
  process.exit(2);
}
const outDir = args.values.out;
const files = args.positionals.length > 0 ? args.positionals : allProcessFiles('processes');
if (files.length === 0) {
  console.error(`no .bpmn files to render\n${USAGE}`);
  process.exit(2);
}
const byBasename = new Map<string, string>();
for (const file of files) {
  const base = path.basename(file, '.bpmn');
  const other = byBasename.get(base);
  if (other && path.resolve(other) !== path.resolve(file)) {
    console.error(`错误 / error: ${other} and ${file} would both be written as ${base}.svg`);
    process.exit(2);
  }
  byBasename.set(base, file);
}

interface RenderedDiagram {
  error?: string;
  warnings: string[];
  svg?: string;
  planes: Array<{ subProcessId: string; svg: string }>;
}

fs.mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: scale });
  await context.route('**/*', (route) => route.abort());
  const viewerPage = await context.newPage();
  await viewerPage.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
  await viewerPage.addScriptTag({ path: VIEWER_SCRIPT });
  const imagePage = await context.newPage();

  for (const file of [...byBasename.values()]) {
    const base = path.basename(file, '.bpmn');
    try {
      const xml = fs.readFileSync(file, 'utf8');
      const rendered = await render(viewerPage, xml);
      if (rendered.error === 'no diagram to display') throw new Error('no diagram interchange (BPMNDiagram) to render: run scripts/layout-bpmn.ts on it first');
      if (rendered.error) throw new Error(rendered.error);
      if (rendered.warnings.length > 0) throw new Error(`import warnings: ${rendered.warnings.join('; ')}`);
      const mainSvg = deterministic(rendered.svg!);
      const written = [`${base}.svg`, `${base}.png`];
      fs.writeFileSync(path.join(outDir, `${base}.svg`), mainSvg);
      await writePng(imagePage, mainSvg, path.join(outDir, `${base}.png`));
      for (const plane of rendered.planes) {
        const name = `${base}.${plane.subProcessId}.svg`;
        fs.writeFileSync(path.join(outDir, name), deterministic(plane.svg));
        written.push(name);
      }
      console.log(`已渲染 / rendered: ${file} → ${outDir}/{${written.join(', ')}}`);
    } catch (error) {
      failed = true;
      console.log(`错误 / error: ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

/** Imports the XML into a fresh viewer; returns the main SVG and one SVG per drill-down plane. */
async function render(page: Page, xml: string): Promise<RenderedDiagram> {
  return page.evaluate(async (xml) => {
    interface Root {
      id: string;
      businessObject: { id: string };
    }
    interface Viewer {
      importXML(xml: string): Promise<{ warnings: Array<{ message: string }> }>;
      saveSVG(): Promise<{ svg: string }>;
      get(name: 'canvas'): { getRootElements(): Root[]; getRootElement(): Root; setRootElement(root: Root): void };
      destroy(): void;
    }
    const BpmnJS = (window as unknown as { BpmnJS: new (options: { container: HTMLElement }) => Viewer }).BpmnJS;
    const container = document.getElementById('canvas')!;
    const viewer = new BpmnJS({ container });
    try {
      let warnings: string[];
      try {
        warnings = (await viewer.importXML(xml)).warnings.map((warning) => warning.message);
      } catch (error) {
        const err = error as Error & { warnings?: Array<{ message: string }> };
        return { error: err.message, warnings: (err.warnings ?? []).map((warning) => warning.message), planes: [] };
      }
      const canvas = viewer.get('canvas');
      const main = canvas.getRootElement();
      const { svg } = await viewer.saveSVG();
      const planes: Array<{ subProcessId: string; svg: string }> = [];
      // Collapsed sub-processes get a root "<id>_plane" each (bpmn-js drilldown, lib/util/DrilldownUtil.js).
      for (const root of canvas.getRootElements()) {
        if (root === main || !root.id.endsWith('_plane')) continue;
        canvas.setRootElement(root);
        planes.push({ subProcessId: root.businessObject.id, svg: (await viewer.saveSVG()).svg });
      }
      canvas.setRootElement(main);
      return { warnings, svg, planes };
    } finally {
      viewer.destroy();
    }
  }, xml);
}

/** Screenshots the SVG at its own size (times the device scale factor) on white. */
async function writePng(page: Page, svg: string, file: string): Promise<void> {
  const markup = svg.slice(svg.indexOf('<svg'));
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(markup);
  if (!size) throw new Error('the SVG has no width/height');
  const width = Math.ceil(Number(size[1]));
  const height = Math.ceil(Number(size[2]));
  await page.setViewportSize({ width, height });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff;overflow:hidden">${markup}</body></html>`);
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width, height } });
}

/** bpmn-js names arrow-head markers with random ids; number them in order of appearance. */
function deterministic(svg: string): string {
  const renamed = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="(marker-[0-9A-Za-z]+)"/g)) if (!renamed.has(m[1]!)) renamed.set(m[1]!, `marker-${renamed.size + 1}`);
  const result = svg.replace(/\bmarker-[0-9A-Za-z]+\b/g, (id) => renamed.get(id) ?? id);
  return result.endsWith('\n') ? result : `${result}\n`;
}

function allProcessFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.bpmn'))
    .map((name) => path.join(dir, name))
    .sort();
}
