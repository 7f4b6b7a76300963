/**
 * The process designer and the migration page in real Chromium against the real API and
 * engine.
 *
 * As `designer`: open a copy of the shipped general licence procedure, drop a service task
 * onto a flow and make it the fire department's pre-check with the element template, drop
 * a user task (a lint problem shows on it), give it an unknown candidate group (an error;
 * the server refuses a deployment and the canvas shows where), then a department code in
 * the properties panel (the error goes; undo/redo by button and by keyboard), save a
 * draft, compare with the deployed version (the added elements marked), deploy (the new
 * version number shown; deploying again is "unchanged"), export BPMN/SVG/PNG, and start a
 * case on the new version. Then: a draft opened by its address with the history of the
 * procedure; an imported file the engine refuses (parse error with line and column on the
 * element); a new diagram from the template; a shipped DMN table in the DMN modeler and a
 * new decision deployed and evaluated.
 *
 * As `admin`: two versions of a small procedure (a user task with a boundary timer) and a
 * case on v1; the migration page shows the plan side by side; an edited plan the engine
 * refuses (the row named), one that leaves the case's task unmapped (the batch lists the
 * case with the engine's reason; it stays on v1), and the full plan: the case migrates and
 * the engine has it on v2 with its timer's due date kept.
 *
 * The shipped `approval-general` is not redeployed: the engine is shared by every test
 * file, and their cases start it by key. A copy under a unique key stands in for it.
 *
 * Set SUNSHINE_E2E_SCREENSHOTS=/some/dir to keep screenshots of the main steps (a failing
 * step always leaves one, there or in the temporary directory).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESSES_DIR, deployFiles } from '../../src/engine/deploy-processes.js';
import { DEMO_PASSWORD, TEST_ADMIN, testApp, type Session, type TestApp } from '../support/app.js';
import { E2ePages, launchBrowser } from '../support/browser.js';
import { engineClient, eventually, unique } from '../support/environment.js';
import { layoutBpmn } from '../../scripts/bpmn-layout.js';
import { reviewProcess } from '../designer/support.js';

let t: TestApp;
let browser: Browser;
let baseUrl: string;
let pages: E2ePages;
const newPage = () => pages.newPage();
const shot = (page: Page, name: string) => pages.shot(page, name);
let designer: Session;
const engine = engineClient();
const started: string[] = [];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-designer-'));

/** Generous: CI runs this on two cores next to another test file and the engine. */
const UI = { timeout: 30_000 };

beforeAll(async () => {
  t = await testApp({ serveWeb: true });
  designer = await t.login('designer');
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
  pages = new E2ePages(browser, baseUrl, { prefix: 'designer-', viewport: { width: 1500, height: 1100 }, timeoutMs: 30_000 });
});

afterAll(async () => {
  for (const id of started) await engine.deleteProcessInstance(id, 'designer e2e done').catch(() => {});
  await pages?.close();
  await browser?.close();
  await t?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});



/** Keeps a screenshot of the page when a step fails (always, as evidence for the log). */
async function onFailure<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const dir = pages.screenshotDir ?? path.join(os.tmpdir(), 'sunshine-e2e-failures');
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `designer-failed-${name}.png`), fullPage: true }).catch(() => {});
    throw error;
  }
}

const loginVia = (page: Page, hashPath: string, username: string, password = DEMO_PASSWORD) => pages.loginVia(page, hashPath, username, password);

async function deployViaApi(session: Session, name: string, xml: string): Promise<{ key: string; version: number; id: string }> {
  const response = await t.app.inject({ method: 'POST', url: '/api/designer/deploy', headers: session.headers, payload: { files: [{ name, xml }], comment: 'e2e setup' } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().definitions[0];
}

function canvasElement(page: Page, elementId: string, scope = 'designer-canvas'): Locator {
  return page.locator(`[data-testid="${scope}"] .djs-element[data-element-id="${elementId}"]`).first();
}

/** Problems listed under the canvas for an element (lint as you draw, or a refused deployment). */
function problemsOf(page: Page, elementId: string, extra = ''): Locator {
  return page.locator(`[data-testid="problem"][data-element-id="${elementId}"]${extra}`);
}

/** The id of the element the properties panel shows (the selected one). */
function selectedId(page: Page): Promise<string> {
  return page.locator('[data-testid="designer-properties"] #bio-properties-panel-id').inputValue({ timeout: 5_000 });
}

/**
 * Takes a task from the palette (click, then click again on the canvas) and drops it onto
 * the middle of a sequence flow, which bpmn-js splits around it. Under load a click can be
 * lost: retried until a new element is selected.
 */
async function dropOnFlow(page: Page, paletteAction: string, flowId: string, known: Set<string>): Promise<string> {
  let created = '';
  await expect
    .poll(
      async () => {
        const current = await selectedId(page).catch(() => '');
        if (current && !known.has(current) && (await canvasElement(page, current).count()) > 0) {
          created = current;
          return current;
        }
        await page.keyboard.press('Escape').catch(() => {});
        const flow = canvasElement(page, flowId);
        await flow.scrollIntoViewIfNeeded({ timeout: 2_000 }).catch(() => {});
        const box = await flow.boundingBox();
        if (!box) return '';
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        await page.locator(`[data-testid="designer-canvas"] .djs-palette [data-action="${paletteAction}"]`).click({ timeout: 2_000 });
        await page.mouse.move(x - 40, y - 20, { steps: 4 });
        await page.mouse.move(x, y, { steps: 6 });
        await page.mouse.click(x, y);
        return '';
      },
      { timeout: 40_000, interval: 1_500 },
    )
    .not.toBe('');
  return created;
}

/** Types into a properties panel field (its inputs are debounced) until the panel shows the value. */
async function setPanelField(page: Page, fieldId: string, value: string): Promise<void> {
  const field = page.locator(`[data-testid="designer-properties"] #bio-properties-panel-${fieldId}`);
  await expect
    .poll(
      async () => {
        if ((await field.count()) === 0) return false;
        if ((await field.inputValue()) === value) return true;
        await field.fill(value, { timeout: 2_000 }).catch(() => {});
        await field.press('Tab', { timeout: 2_000 }).catch(() => {});
        return false;
      },
      { timeout: 20_000, interval: 1_000 },
    )
    .toBe(true);
}

/** Opens the deploy dialog, gives the comment and confirms; resolves once the dialog has closed (the outcome shows on the page). */
async function deploy(page: Page, comment: string): Promise<void> {
  await page.getByTestId('designer-deploy').click();
  await page.getByTestId('deploy-comment').waitFor(UI);
  await page.getByTestId('deploy-comment').fill(comment);
  await page.getByTestId('deploy-confirm').click();
  await expect
    .poll(async () => {
      const failed = page.getByTestId('deploy-error');
      if ((await failed.count()) > 0) throw new Error(`deploy failed in the dialog: ${await failed.textContent()}`);
      return page.getByTestId('deploy-comment').count();
    }, UI)
    .toBe(0);
}

/** Chooses an entry of the export menu and returns the downloaded file. */
async function download(page: Page, format: 'BPMN' | 'SVG' | 'PNG'): Promise<{ name: string; content: Buffer }> {
  const waiting = page.waitForEvent('download', { timeout: 30_000 });
  await expect
    .poll(
      async () => {
        const entry = page.getByRole('menuitem', { name: new RegExp(format) });
        if ((await entry.count()) === 0) await page.getByTestId('designer-export').hover({ timeout: 2_000 }).catch(() => {});
        return entry.click({ timeout: 2_000 }).then(() => true, () => false);
      },
      UI,
    )
    .toBe(true);
  const file = await waiting;
  const saved = await file.path();
  return { name: file.suggestedFilename(), content: fs.readFileSync(saved) };
}

/** Selects an element by clicking it on the canvas, until the properties panel shows it. */
async function select(page: Page, elementId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await selectedId(page).catch(() => '')) === elementId) return true;
        await canvasElement(page, elementId).click({ timeout: 2_000, force: true }).catch(() => {});
        return false;
      },
      { timeout: 20_000, interval: 1_000 },
    )
    .toBe(true);
}

describe('process designer', () => {
  const key = unique('e2e-general');
  let v1: { key: string; version: number; id: string };
  let serviceTaskId: string;
  let userTaskId: string;

  beforeAll(async () => {
    // The shipped general licence, under a key of its own (see the file comment).
    const shipped = fs.readFileSync(path.join(PROCESSES_DIR, 'approval', 'general-licence.bpmn'), 'utf8');
    const copy = shipped.replace('<bpmn:process id="approval-general"', `<bpmn:process id="${key}"`).replace('bpmnElement="approval-general"', `bpmnElement="${key}"`);
    v1 = await deployViaApi(designer, `${key}.bpmn`, copy);
    expect(v1.version).toBe(1);
  }, 300_000);

  it('edits a procedure with templates and lint, saves a draft, shows the diff, deploys a new version and runs a case on it', async () => {
    const page = await newPage();
    await onFailure(page, 'designer', async () => {
      await loginVia(page, '/designer', 'designer');
      // The designer's menu: the designer, not the migrations (administrators only).
      await expect.poll(() => page.getByRole('menuitem', { name: '流程设计' }).count(), UI).toBe(1);
      expect(await page.getByRole('menuitem', { name: '版本迁移' }).count()).toBe(0);

      // The procedure list: find the copy and open its deployed version.
      await page.getByTestId('procedure-search').locator('input').fill(key);
      const row = page.getByTestId(`procedure-row-${key}`);
      await row.waitFor(UI);
      expect(await row.textContent()).toContain('v1');
      await shot(page, '01-procedures');
      await page.getByTestId(`open-latest-${key}`).click();
      await canvasElement(page, 'Completeness').waitFor(UI);
      await expect.poll(() => page.getByTestId('designer-key').textContent(), UI).toBe(key);
      expect(await page.getByTestId('designer-origin').textContent()).toContain('v1');
      // The shipped procedure is lint-clean: warnings at most.
      await page.getByTestId('problems-list').or(page.getByTestId('problems-empty')).first().waitFor(UI);
      await expect.poll(() => page.locator('[data-testid="problem"][data-category="error"]').count(), UI).toBe(0);
      const known = new Set(await page.locator('[data-testid="designer-canvas"] .djs-element[data-element-id]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-element-id')!)));
      await shot(page, '02-opened');

      // A service task dropped onto the flow after the decision is issued …
      serviceTaskId = await dropOnFlow(page, 'create.service-task', 'FlowToDecided', known);
      known.add(serviceTaskId);
      expect(serviceTaskId).toMatch(/^Activity_/);
      // … becomes the fire department's pre-check through its element template.
      const selectTemplate = page.locator('[data-testid="designer-properties"] .bio-properties-panel-select-template-button');
      await selectTemplate.waitFor(UI);
      await selectTemplate.click();
      await page.getByTestId('template-chooser').waitFor(UI);
      await page.getByTestId('template-search').locator('input').fill('fire');
      await page.getByTestId('template-sunshine.fire.precheck').waitFor(UI);
      await shot(page, '03-template-chooser');
      await page.getByTestId('apply-template-sunshine.fire.precheck').click();
      await page.locator('[data-testid="designer-properties"] .bio-properties-panel-applied-template-button').waitFor(UI);
      await setPanelField(page, 'name', '消防预审');
      await expect.poll(() => problemsOf(page, serviceTaskId, '[data-category="error"]').count(), UI).toBe(0);

      // A user task dropped onto the flow after the supervision order: unnamed and unassigned, the lint flags it.
      userTaskId = await dropOnFlow(page, 'create.user-task', 'FlowToReviewRedEnd', known);
      known.add(userTaskId);
      await expect.poll(() => problemsOf(page, userTaskId).count(), UI).toBeGreaterThan(0);
      await expect.poll(() => page.locator(`[data-testid="designer-canvas"] .djs-overlays[data-container-id="${userTaskId}"] .bjsl-overlay`).count(), UI).toBeGreaterThan(0);
      await setPanelField(page, 'name', '消防复核');
      // An unknown candidate group is an error, on the canvas and in the list …
      await setPanelField(page, 'candidateGroups', 'tax');
      await expect.poll(() => problemsOf(page, userTaskId, '[data-rule="sunshine/candidate-group-known"]').count(), UI).toBe(1);
      await expect.poll(() => page.locator(`[data-testid="designer-canvas"] .djs-overlays[data-container-id="${userTaskId}"] .bjsl-icon-error`).count(), UI).toBeGreaterThan(0);
      await shot(page, '04-lint-problem');

      // … and the server refuses to deploy it, naming the element, which the canvas marks.
      await deploy(page, '未知部门，应被拒绝');
      await expect.poll(() => page.getByTestId('deploy-refused').getAttribute('data-code'), UI).toBe('LINT_FAILED');
      await expect.poll(() => problemsOf(page, userTaskId, '[data-source="deploy-lint"]').count(), UI).toBe(1);
      await expect.poll(() => canvasElement(page, userTaskId).getAttribute('class'), UI).toContain('sunshine-problem-error');
      await shot(page, '05-deploy-refused');

      // A department code in the properties panel: the problem goes.
      await select(page, userTaskId);
      await setPanelField(page, 'candidateGroups', 'fire');
      await expect.poll(() => problemsOf(page, userTaskId, '[data-source="lint"][data-category="error"]').count(), UI).toBe(0);
      await expect.poll(() => page.locator('[data-testid="problem"][data-source="lint"][data-category="error"]').count(), UI).toBe(0);
      // Undo and redo bring the unknown group back and take it away again.
      await page.getByTestId('designer-undo').click();
      await expect.poll(() => problemsOf(page, userTaskId, '[data-rule="sunshine/candidate-group-known"][data-source="lint"]').count(), UI).toBe(1);
      await page.getByTestId('designer-redo').click();
      await expect.poll(() => problemsOf(page, userTaskId, '[data-source="lint"][data-category="error"]').count(), UI).toBe(0);
      // So do the modeler's own shortcuts, bound to the canvas.
      const svg = page.locator('[data-testid="designer-canvas"] .djs-container > svg').first();
      await svg.focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => problemsOf(page, userTaskId, '[data-rule="sunshine/candidate-group-known"][data-source="lint"]').count(), UI).toBe(1);
      await svg.focus();
      await page.keyboard.press('Control+y');
      await expect.poll(() => problemsOf(page, userTaskId, '[data-source="lint"][data-category="error"]').count(), UI).toBe(0);

      // Save a draft with a comment.
      await page.getByTestId('designer-save-draft').click();
      await page.getByTestId('draft-comment').fill('增加消防预审与复核');
      await page.getByTestId('draft-confirm').click();
      await expect.poll(() => page.getByTestId('designer-origin').textContent(), UI).toMatch(/草稿 #\d+/);
      const drafts = await t.app.inject({ method: 'GET', url: `/api/designer/procedures/${key}/drafts`, headers: designer.headers });
      expect(drafts.json().drafts).toEqual([expect.objectContaining({ comment: '增加消防预审与复核', author: 'designer' })]);
      await expect.poll(() => page.url()).toContain(`#/designer?draft=${drafts.json().drafts[0].id}`);

      // The diff with the deployed version: both new tasks added, green on the canvas and in the list.
      await page.getByTestId('designer-diff').click();
      const added = (id: string) => page.locator(`[data-testid="diff-row"][data-change="added"][data-element-id="${id}"]`);
      await expect.poll(() => added(serviceTaskId).count(), UI).toBe(1);
      await expect.poll(() => added(userTaskId).count(), UI).toBe(1);
      await expect.poll(() => canvasElement(page, serviceTaskId).getAttribute('class'), UI).toContain('diff-added');
      await expect.poll(() => canvasElement(page, userTaskId).getAttribute('class'), UI).toContain('diff-added');
      // The flow the service task was dropped on now ends at it: changed, orange on both diagrams (the base one below).
      await expect.poll(() => page.locator('[data-testid="diff-row"][data-change="changed"][data-element-id="FlowToDecided"]').count(), UI).toBe(1);
      await expect.poll(() => canvasElement(page, 'FlowToDecided', 'diff-base-canvas').getAttribute('class'), UI).toContain('diff-changed');
      await shot(page, '06-diff');
      await page.getByTestId('designer-diff').click();
      await expect.poll(() => page.locator('[data-testid="designer-canvas"] .diff-added').count(), UI).toBe(0);

      // Deploy: checked by the server and the engine, version 2.
      await deploy(page, '上线：增加消防预审');
      const result = page.getByTestId('deploy-result');
      await expect.poll(() => result.getAttribute('data-version'), UI).toBe('2');
      expect(await result.getAttribute('data-duplicate')).toBe('false');
      expect(await result.textContent()).toContain('第 2 版');
      expect(await page.locator('[data-testid="problem"][data-source="deploy-lint"]').count()).toBe(0);
      await shot(page, '07-deployed');

      // Deploying the same diagram again makes no version.
      await deploy(page, '重复部署');
      await expect.poll(() => result.getAttribute('data-duplicate'), UI).toBe('true');
      expect(await result.textContent()).toContain('未产生新版本');

      // Exports: the BPMN file as deployed, the picture as SVG and as PNG (drawn onto a canvas in the browser).
      const bpmnFile = await download(page, 'BPMN');
      expect(bpmnFile.name).toBe(`${key}.bpmn`);
      expect(bpmnFile.content.toString('utf8')).toContain(`camunda:candidateGroups="fire"`);
      const svgFile = await download(page, 'SVG');
      expect(svgFile.content.toString('utf8')).toMatch(/^<\?xml[\s\S]*<svg/);
      const pngFile = await download(page, 'PNG');
      expect(pngFile.name).toBe(`${key}.png`);
      expect(pngFile.content.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(pngFile.content.length).toBeGreaterThan(10_000);

      // The engine runs the new version: the template's topic and the department are in it.
      const [latest] = await engine.processDefinitions({ key, latestVersion: true });
      expect(latest!.version).toBe(2);
      const xml = await engine.processDefinitionXml(latest!.id);
      expect(xml).toMatch(new RegExp(`<bpmn:serviceTask id="${serviceTaskId}"[^>]*camunda:topic="fire.precheck"`));
      expect(xml).toMatch(new RegExp(`<bpmn:userTask id="${userTaskId}"[^>]*camunda:candidateGroups="fire"`));
      const far = '2099-01-05T23:59:59+08:00';
      const instance = await engine.startProcess(key, {
        businessKey: `SP-${key}`,
        // A window of its own, so no other test's inbox sees the task.
        variables: { window: unique('e2e-window'), deadline: far, yellowAt: far, step_Completeness_deadline: far, step_Completeness_yellowAt: far },
      });
      started.push(instance.id);
      expect(instance.definitionId).toBe(latest!.id);
      expect((await engine.processDefinition(instance.definitionId)).version).toBe(2);
    });
  }, 300_000);

  it('opens a draft by its address and lists the versions and drafts of the procedure', async () => {
    const page = await newPage();
    await onFailure(page, 'history', async () => {
      const drafts = (await t.app.inject({ method: 'GET', url: `/api/designer/procedures/${key}/drafts`, headers: designer.headers })).json().drafts as { id: number }[];
      expect(drafts.length).toBeGreaterThan(0);
      await loginVia(page, `/designer?draft=${drafts[0]!.id}`, 'designer');
      await canvasElement(page, userTaskId).waitFor(UI);
      expect(await page.getByTestId('designer-origin').textContent()).toContain(`#${drafts[0]!.id}`);
      await page.getByTestId('designer-history').click();
      await page.getByTestId('history-version-2').waitFor(UI);
      await page.getByTestId('history-version-1').waitFor(UI);
      await page.getByTestId(`history-draft-${drafts[0]!.id}`).waitFor(UI);
      await shot(page, '08-history');
      // Opening version 1 from the history: the added tasks are not in it.
      await page.getByTestId('history-version-1-open').click();
      await expect.poll(() => page.getByTestId('designer-origin').textContent(), UI).toContain('v1');
      await expect.poll(() => canvasElement(page, userTaskId).count(), UI).toBe(0);
    });
  }, 120_000);

  it('imports a .bpmn file, shows the engine’s parse errors with their place, and starts a new diagram from the template', async () => {
    const page = await newPage();
    await onFailure(page, 'import', async () => {
      await loginVia(page, '/designer', 'designer');
      await page.getByTestId('procedure-search').waitFor(UI);
      // Lint-clean, but the engine cannot run a service task without an implementation.
      const importKey = unique('e2e-import');
      const broken = (await layoutBpmn(reviewProcess({ key: importKey }).replace(' camunda:type="external" camunda:topic="demo.check-materials"', ''))).xml;
      const file = path.join(scratch, `${importKey}.bpmn`);
      fs.writeFileSync(file, broken);
      await page.getByTestId('designer-import-file').setInputFiles(file);
      await expect.poll(() => page.getByTestId('designer-key').textContent(), UI).toBe(importKey);
      await canvasElement(page, 'Check').waitFor(UI);
      expect(await page.getByTestId('designer-origin').textContent()).toContain(`${importKey}.bpmn`);
      await expect.poll(() => page.locator('[data-testid="problem"][data-category="error"]').count(), UI).toBe(0);

      await deploy(page, '引擎应拒绝');
      await expect.poll(() => page.getByTestId('deploy-refused').getAttribute('data-code'), UI).toBe('BPMN_PARSE_ERROR');
      const parseProblem = problemsOf(page, 'Check', '[data-source="parse"]');
      await expect.poll(() => parseProblem.count(), UI).toBe(1);
      expect(await parseProblem.getByTestId('problem-position').textContent()).toMatch(/第 \d+ 行第 \d+ 列/);
      await expect.poll(() => canvasElement(page, 'Check').getAttribute('class'), UI).toContain('sunshine-problem-error');
      expect(await engine.processDefinitions({ key: importKey })).toEqual([]);
      await shot(page, '13-parse-error');

      // A new procedure from the minimal template: key and name asked first.
      const newKey = unique('e2e-new');
      await page.getByTestId('designer-new').click();
      await page.getByTestId('new-bpmn-key').fill(newKey);
      await page.getByTestId('new-bpmn-name').fill('新事项 / new item');
      await page.getByTestId('new-bpmn-confirm').click();
      await expect.poll(() => page.getByTestId('designer-key').textContent(), UI).toBe(newKey);
      await canvasElement(page, 'Submitted').waitFor(UI);
      // A start event alone is not a procedure yet: the lint says what is missing.
      await expect.poll(() => page.locator('[data-testid="problem"][data-rule="end-event-required"]').count(), UI).toBe(1);
      expect(await page.locator('[data-testid="problem"][data-rule^="sunshine/"]').count()).toBe(0);
    });
  }, 120_000);

  it('opens the BPMN MIWG reference models and Camunda’s example diagrams without import problems', async () => {
    const page = await newPage();
    await onFailure(page, 'foreign', async () => {
      await loginVia(page, '/designer', 'designer');
      await page.getByTestId('procedure-search').waitFor(UI);
      const dir = path.resolve('test/fixtures/foreign-diagrams');
      for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.bpmn')).sort()) {
        await page.getByTestId('designer-import-file').setInputFiles(path.join(dir, name));
        await expect.poll(async () => (await page.getByTestId('designer-origin').textContent()) ?? '', UI).toContain(name);
        await expect.poll(() => page.locator('[data-testid="designer-canvas"] .djs-element').count(), UI).toBeGreaterThan(1);
        expect(await page.getByTestId('designer-error').allTextContents(), name).toEqual([]);
        // The only warning allowed: MIWG files declare ISO-8859-1, which the browser reads as UTF-8 (their text is ASCII).
        const warnings = (await page.getByTestId('designer-import-warnings').locator('li').allTextContents()).filter((warning) => !/unsupported document encoding <ISO-8859-1>/.test(warning));
        expect(warnings, name).toEqual([]);
      }
    });
  }, 120_000);

  it('opens a shipped decision table in the DMN modeler and deploys a new decision', async () => {
    const page = await newPage();
    await onFailure(page, 'dmn', async () => {
      await loginVia(page, '/designer?mode=dmn', 'designer');
      await page.getByTestId('dmn-import').waitFor(UI);
      await page.getByTestId('dmn-import-file').setInputFiles(path.join(PROCESSES_DIR, 'approval', 'rules', 'fire-design-review.dmn'));
      const table = page.locator('[data-testid="dmn-canvas"] .tjs-table');
      await table.waitFor(UI);
      await expect.poll(() => table.textContent(), UI).toContain('项目类型');
      expect(await page.getByTestId('dmn-file').textContent()).toBe('fire-design-review.dmn');
      await shot(page, '14-dmn');

      // The same table as the engine has it deployed, opened from the list.
      await deployFiles(engine, [path.join(PROCESSES_DIR, 'approval', 'rules', 'fire-design-review.dmn')], { name: 'sunshine-processes', root: PROCESSES_DIR });
      await page.reload();
      await page.getByTestId('dmn-import').waitFor(UI);
      await expect
        .poll(async () => {
          if ((await page.getByTestId('dmn-file').count()) > 0 && (await page.getByTestId('dmn-file').textContent()) === 'fire-design-review.dmn') return true;
          await page.getByTestId('dmn-open-deployed').click({ timeout: 2_000 }).catch(() => {});
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '消防设计审查或备案' }).first().click({ timeout: 2_000 }).catch(() => {});
          return false;
        }, UI)
        .toBe(true);
      await expect.poll(() => table.textContent(), UI).toContain('项目类型');

      // A new decision (not a shipped one: other tests evaluate those), deployed as version 1.
      const decision = unique('e2e-decision');
      await page.getByTestId('dmn-new').click();
      await page.getByTestId('new-dmn-key').fill(decision);
      await page.getByTestId('new-dmn-name').fill('测试决策');
      await page.getByTestId('new-dmn-confirm').click();
      await expect.poll(() => page.getByTestId('dmn-file').textContent(), UI).toBe(`${decision}.dmn`);
      await page.getByTestId('dmn-deploy').click();
      await page.getByTestId('dmn-deploy-comment').fill('新决策表');
      await page.getByTestId('dmn-deploy-confirm').click();
      await expect.poll(() => page.getByTestId('dmn-deploy-result').textContent(), UI).toContain(`${decision} v1`);
      expect(await engine.evaluateDecision(decision, { input: 'x' })).toEqual([{ result: 'default' }]);
    });
  }, 120_000);
});

describe('migrating running cases', () => {
  const key = unique('e2e-migrate');
  let v1: { id: string; version: number };
  let v2: { id: string; version: number };
  let caseId: string;
  const due = '2099-02-06T23:59:59+08:00';

  beforeAll(async () => {
    // With diagram interchange, so the plan shows both versions side by side.
    const drawn = async (xml: string) => (await layoutBpmn(xml)).xml;
    v1 = await deployViaApi(designer, `${key}.bpmn`, await drawn(reviewProcess({ key, boundaryTimer: true })));
    const instance = await engine.startProcess(key, { businessKey: `SP-${key}`, variables: { step_Review_deadline: '2099-01-05T23:59:59+08:00' } });
    caseId = instance.id;
    started.push(caseId);
    // As after a clock stop: the timer was moved and no longer equals the variable.
    const [timer] = await engine.jobs({ processInstanceId: caseId, timers: true });
    await engine.setJobDueDate(timer!.id, due);
    v2 = await deployViaApi(designer, `${key}.bpmn`, await drawn(reviewProcess({ key, boundaryTimer: true, versionTag: '2.0', name: '设计器测试 v2' })));
    expect(v2.version).toBe(2);
  });

  it('an administrator reviews the plan and migrates a case from v1 to v2; its timer keeps its due date', async () => {
    const page = await newPage();
    await onFailure(page, 'migration', async () => {
      await loginVia(page, '/migrations', 'admin', TEST_ADMIN.password);
      await expect.poll(() => page.getByTestId('migrations-title').textContent(), UI).toBe('版本迁移');
      await page.getByTestId('migration-search').locator('input').fill(key);
      await page.getByTestId(`migration-choose-${key}`).click();

      // Source v1 (it has the running case), target v2: the engine's plan maps the task and its timer.
      await expect.poll(() => page.getByTestId('migration-running-1').textContent(), UI).toBe('1');
      await expect.poll(() => page.getByTestId('migration-source-1').locator('input').isChecked(), UI).toBe(true);
      expect(await page.getByTestId('migration-target-2').locator('input').isChecked()).toBe(true);
      await page.getByTestId('migration-plan-valid').waitFor(UI);
      await expect.poll(() => page.locator('[data-testid="migration-instruction"][data-source="Review"][data-target="Review"]').count(), UI).toBe(1);
      expect(await page.locator('[data-testid="migration-instruction"][data-source="ReviewRed"][data-target="ReviewRed"]').count()).toBe(1);
      await expect.poll(() => canvasElement(page, 'Review', 'migration-source-diagram').getAttribute('class'), UI).toContain('migration-mapped');
      expect(await page.getByTestId('migration-unmapped').textContent()).toContain('无');

      const instructions = page.locator('[data-testid="migration-instruction"]');
      const rowOf = (source: string) => instructions.evaluateAll((rows, wanted) => rows.findIndex((row) => row.getAttribute('data-source') === wanted), source);
      const remove = async (source: string) => {
        await page.getByTestId(`migration-instruction-remove-${await rowOf(source)}`).click();
        await page.getByTestId(`migration-unmapped-${source}`).waitFor(UI);
      };
      /** Adds a row and picks its activities; under load a pick can be lost, so it is repeated until it shows. */
      const map = async (source: string, target: string) => {
        await page.getByTestId('migration-instruction-add').click();
        const index = (await instructions.count()) - 1;
        for (const [side, value] of [['source', source], ['target', target]] as const) {
          await expect
            .poll(
              async () => {
                if ((await instructions.nth(index).getAttribute(`data-${side}`)) === value) return true;
                await page.getByTestId(`migration-instruction-${side}-${index}`).click({ timeout: 2_000 }).catch(() => {});
                await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `(${value})` }).first().click({ timeout: 2_000 }).catch(() => {});
                return false;
              },
              { timeout: 20_000 },
            )
            .toBe(true);
        }
        await expect.poll(() => page.getByTestId(`migration-unmapped-${source}`).count(), UI).toBe(0);
      };
      const checkbox = page.getByTestId(`migration-case-${caseId}`);
      const migrate = async () => {
        await checkbox.waitFor(UI);
        await checkbox.check();
        await page.getByTestId('migration-start').click();
      };
      const batchDone = async (previous: string | null) => {
        const batch = page.getByTestId('migration-batch');
        await expect.poll(async () => ((await batch.getAttribute('data-batch-id')) !== previous ? batch.getAttribute('data-done') : 'old'), { timeout: 90_000 }).toBe('true');
        await page.getByTestId('migration-done').waitFor(UI);
        return batch.getAttribute('data-batch-id');
      };

      // Without the task, the mapping of its boundary timer is invalid: the engine refuses the plan and says which row.
      await remove('Review');
      await page.getByTestId('migration-plan-edited').waitFor(UI);
      await migrate();
      await page.getByTestId('migration-refused').waitFor(UI);
      await page.getByTestId('migration-plan-invalid').waitFor(UI);
      const timerRow = instructions.nth(await rowOf('ReviewRed'));
      await expect.poll(() => timerRow.getByTestId('migration-instruction-failure').count(), UI).toBe(1);
      await shot(page, '09-migration-plan-invalid');

      // Without both, the plan is valid but the case waits in an unmapped task: it cannot migrate and stays on v1.
      await remove('ReviewRed');
      await migrate();
      const failedBatch = await batchDone(null);
      const failures = page.getByTestId('migration-failures');
      await failures.waitFor(UI);
      await expect.poll(() => failures.textContent(), UI).toContain(caseId);
      expect(await page.getByTestId('migration-done').textContent()).toContain('未能迁移');
      await expect.poll(() => page.getByTestId('migration-running-1').textContent(), UI).toBe('1');
      expect((await engine.processInstances({ processInstanceIds: [caseId] }))[0]!.definitionId).toBe(v1.id);
      await shot(page, '10-migration-failed');

      // Mapped again, task and timer: the case migrates.
      await map('Review', 'Review');
      await map('ReviewRed', 'ReviewRed');
      await shot(page, '11-migration-plan');
      await migrate();
      await batchDone(failedBatch);
      expect(await page.getByTestId('migration-done').textContent()).toContain('1 件已迁移');
      expect(await page.getByTestId('migration-failures').count()).toBe(0);
      // The page shows the case gone from v1 and running on v2.
      await expect.poll(() => page.getByTestId('migration-running-2').textContent(), UI).toBe('1');
      expect(await page.getByTestId('migration-running-1').textContent()).toBe('0');
      await shot(page, '12-migrated');

      const [migrated] = await engine.processInstances({ processInstanceIds: [caseId] });
      expect(migrated!.definitionId).toBe(v2.id);
      const [timer] = await engine.jobs({ processInstanceId: caseId, timers: true });
      expect(Date.parse(timer!.dueDate!)).toBe(Date.parse(due));
      const [task] = await eventually(async () => {
        const tasks = await engine.tasks({ processInstanceId: caseId });
        return tasks.length ? tasks : undefined;
      });
      expect(task).toMatchObject({ taskDefinitionKey: 'Review', processDefinitionId: v2.id });
      expect(v1.version).toBe(1);
    });
  }, 300_000);

  it('is for administrators: the designer gets the 403 page', async () => {
    const page = await newPage();
    await onFailure(page, 'forbidden', async () => {
      await loginVia(page, '/migrations', 'designer');
      await expect.poll(() => page.getByTestId('forbidden-page').count(), UI).toBe(1);
    });
  }, 120_000);
});
