/**
 * The applicant's side in real Chromium against the real API and engine: the service
 * guide, the application form (checked in the browser, then by the API), the case number,
 * "my applications"; the window finds the case in its inbox by catalogue item, sees the
 * automated pre-check and the item's version in the case file, and sends a one-time notice
 * of missing items, which the applicant answers from "my applications" (first too early,
 * while the notice is still being issued, then for real).
 *
 * No workers run: the steps they would do (stop the clock, issue the notice) are
 * completed directly on the engine where the flow needs them.
 *
 * Set SUNSHINE_E2E_SCREENSHOTS=/some/dir to keep screenshots of the main steps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogue } from '../../src/catalogue/seed.js';
import { samplePdf, samplePng } from '../../src/demo/sample-files.js';
import { deployShippedProcesses } from '../../src/engine/deploy-processes.js';
import { DEMO_PASSWORD, testApp, type TestApp } from '../support/app.js';
import { E2ePages, launchBrowser } from '../support/browser.js';
import { engineClient, eventually, unique } from '../support/environment.js';

const ITEM_CODE = 'business-registration';
const ITEM_NAME = '企业设立登记（营业执照）';
const MATERIALS = ['application-form', 'id-card', 'articles', 'premises'] as const;

let t: TestApp;
let browser: Browser;
let baseUrl: string;
let pages: E2ePages;
const newPage = () => pages.newPage();
const shot = (page: Page, name: string) => pages.shot(page, name);
const engine = engineClient();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-applications-'));
const files: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp({ serveWeb: true });
  await seedCatalogue(t.database);
  await deployShippedProcesses(engine);
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
  pages = new E2ePages(browser, baseUrl);
  for (const code of MATERIALS) {
    files[code] = path.join(scratch, `${code}.pdf`);
    fs.writeFileSync(files[code], samplePdf([`Material: ${code}`, 'Sunshine e2e application']));
  }
  files.scan = path.join(scratch, 'scan.png');
  fs.writeFileSync(files.scan, samplePng());
  files.articlesSigned = path.join(scratch, 'articles-signed.pdf');
  fs.writeFileSync(files.articlesSigned, samplePdf(['Articles of association', 'signed by all shareholders']));
});

afterAll(async () => {
  await pages?.close();
  await browser?.close();
  await t?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});



/** Opens `hashPath`, lands on the login page, logs in, and comes back. */
const loginVia = (page: Page, hashPath: string, username: string, password = DEMO_PASSWORD) => pages.loginVia(page, hashPath, username, password);

/** The error text antd shows under a form field inside `container`. */
function fieldErrors(page: Page, testId: string) {
  return page.getByTestId(testId).locator('.ant-form-item-explain-error');
}

/**
 * Stands in for the workers of the correction procedure until `done`: completes whatever
 * external task of it is open. Another test file's workers share the engine and may take
 * one first; then that step is simply waited out.
 */
async function driveCorrection(processInstanceId: string, done: () => Promise<boolean>, what: string): Promise<void> {
  await eventually(async () => {
    if (await done()) return true;
    const [task] = await engine.externalTasks({ processInstanceId });
    if (task && !task.workerId) {
      const locked = await engine.lockExternalTask(task.id, 'e2e-test', 60_000).then(() => true, () => false);
      if (locked) await engine.completeExternalTask(task.id, 'e2e-test');
    }
    return undefined;
  }, 30_000, what);
}

describe('applying online and taking the application in', () => {
  const applicant = unique('E2E阳光贸易有限公司');
  const projectName = unique('阳光贸易门店');
  let businessKey: string;
  let caseId: string;
  let taskId: string;

  it('a citizen reads the service guide, applies with the four mandatory materials and finds the case under "my applications"', async () => {
    const page = await newPage();
    await loginVia(page, '/apply', 'citizen');
    await expect.poll(() => page.url()).toContain('#/apply');
    // The applicant's menu: the guide and my applications, no inbox.
    expect(await page.getByRole('menuitem', { name: '办事指南' }).count()).toBe(1);
    expect(await page.getByRole('menuitem', { name: '我的申请' }).count()).toBe(1);
    expect(await page.getByRole('menuitem', { name: '待办' }).count()).toBe(0);

    const row = page.getByTestId(`guide-row-${ITEM_CODE}`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain(ITEM_NAME);
    expect(await row.textContent()).toContain('承诺 1 个工作日');
    // The row expands into the full service guide: mandatory materials marked.
    await row.locator('.ant-table-row-expand-icon').click();
    const guide = page.getByTestId(`guide-${ITEM_CODE}`);
    await guide.waitFor({ timeout: 10_000 });
    expect(await guide.textContent()).toContain('公司章程');
    expect(await guide.textContent()).toContain('必交');
    await shot(page, 'apply-01-service-guide');

    await page.getByTestId(`apply-${ITEM_CODE}`).click();
    await expect.poll(() => page.url()).toContain(`#/apply/${ITEM_CODE}`);
    await expect.poll(() => page.getByTestId('apply-title').textContent(), { timeout: 15_000 }).toContain(ITEM_NAME);
    // This item has no green channel, so the form does not offer one.
    expect(await page.getByTestId('apply-green-channel').count()).toBe(0);

    await page.getByTestId('apply-applicant').fill(applicant);
    await page.getByTestId('project-name').fill(projectName);

    // The construction facts fold away; a parcel is given whole (code and land use) or not at all.
    const construction = page.getByTestId('project-construction');
    await construction.getByText('建设信息').click();
    await page.getByTestId('project-heightM').fill('12.5');
    await page.getByTestId('project-parcel-code').fill('A-01');
    const landUse = construction.locator('.ant-form-item', { has: page.getByText('规划用地性质', { exact: true }) });

    // Checked in the browser before anything is sent: mandatory files, and the accepted types.
    await page.getByTestId('apply-file-articles').setInputFiles(files.scan!);
    await page.getByTestId('apply-submit').click();
    await expect.poll(() => landUse.locator('.ant-form-item-explain-error').textContent(), { timeout: 10_000 }).toContain('填写规划地块时此项必填');
    await expect.poll(() => fieldErrors(page, 'apply-material-application-form').textContent(), { timeout: 10_000 }).toContain('请上传申请表');
    await expect.poll(() => fieldErrors(page, 'apply-material-articles').textContent()).toContain('公司章程只接受 PDF 文件');
    await shot(page, 'apply-02-form-validation');

    // Under load the first pick can be lost: pick until the land use shows.
    await expect
      .poll(
        async () => {
          if ((await landUse.locator('.ant-select').textContent())?.includes('B 商业服务')) return true;
          await landUse.locator('.ant-select').click({ timeout: 2_000 }).catch(() => {});
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'B 商业服务' }).first().click({ timeout: 2_000 }).catch(() => {});
          return false;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await expect.poll(() => landUse.locator('.ant-form-item-explain-error').count(), { timeout: 10_000 }).toBe(0);

    for (const code of MATERIALS) await page.getByTestId(`apply-file-${code}`).setInputFiles(files[code]!);
    for (const code of MATERIALS) await expect.poll(() => fieldErrors(page, `apply-material-${code}`).count(), { timeout: 10_000 }).toBe(0);
    await shot(page, 'apply-03-form-filled');

    await page.getByTestId('apply-submit').click();
    const key = page.getByTestId('apply-business-key');
    await key.waitFor({ timeout: 30_000 });
    businessKey = (await key.textContent())!.trim();
    expect(businessKey).toMatch(/^SP-\d{8}-[0-9A-F]{6}$/);
    expect(await page.getByTestId('apply-deadline').textContent()).toMatch(/\d{4}/);
    await shot(page, 'apply-04-submitted');

    const record = await t.database.caseRecord.findFirstOrThrow({ where: { businessKey }, include: { materials: true } });
    caseId = record.caseId;
    expect(record).toMatchObject({ applicant, catalogueCode: ITEM_CODE, catalogueVersion: 1, intakeDepartment: 'window' });
    expect(record.project).toEqual({ name: projectName, heightM: 12.5, parcel: { code: 'A-01', landUse: 'B' } });
    expect(record.materials.map((material) => material.code).sort()).toEqual([...MATERIALS].sort());

    await page.getByTestId('apply-to-mine').click();
    await expect.poll(() => page.url()).toContain('#/applications');
    const mine = page.getByTestId(`mine-row-${businessKey}`);
    await mine.waitFor({ timeout: 15_000 });
    await expect.poll(() => mine.textContent(), { timeout: 10_000 }).toContain(ITEM_NAME);
    expect(await mine.textContent()).toContain('办理中');
    expect(await mine.textContent()).toContain(applicant);
    await shot(page, 'apply-05-my-applications');
  });

  it('the window clerk finds the case by catalogue item, sees the pre-check and the item version, and sends a notice of missing items', async () => {
    expect(caseId, 'the first test submits the application').toBeDefined();
    taskId = (await eventually(async () => (await engine.tasks({ processInstanceId: caseId, taskDefinitionKey: 'Completeness' }))[0], 20_000, 'the window acceptance task')).id;
    // What a department worker would leave for the reviewer (workers/precheck/), here set by hand.
    await engine.setVariables(caseId, {
      precheck: {
        department: 'window',
        outcome: 'attention',
        findings: [{ code: 'e2e.premises', level: 'attention', zh: '住所使用证明为复印件，请核对原件', en: 'The proof of premises is a copy; check the original' }],
        facts: { name: projectName, heightM: null },
        decisions: ['e2e-premises-check'],
      },
    });

    const page = await newPage();
    await loginVia(page, '/inbox', 'window-clerk');
    await expect.poll(() => page.getByTestId('inbox-title').textContent(), { timeout: 15_000 }).toBe('待办');
    // The window may also take applications in itself, from its inbox.
    expect(await page.getByTestId('inbox-take-in').count()).toBe(1);
    expect(await page.getByRole('menuitem', { name: '办事指南' }).count()).toBe(0);

    // Filter by the catalogue item; under load the first pick can be lost: pick until it shows.
    const filters = page.getByRole('search');
    await expect
      .poll(
        async () => {
          if ((await filters.getByText(ITEM_NAME, { exact: true }).count()) > 0) return true;
          const select = page.getByRole('combobox', { name: '事项' });
          await select.click({ timeout: 2_000 }).catch(() => {});
          await select.fill('营业执照', { timeout: 2_000 }).catch(() => {});
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: ITEM_NAME }).first().click({ timeout: 2_000 }).catch(() => {});
          return false;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const row = page.getByTestId(`inbox-row-${taskId}`);
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId(`item-name-${taskId}`).textContent(), { timeout: 10_000 }).toBe(ITEM_NAME);
    expect(await row.textContent()).toContain(businessKey);
    expect(await row.textContent()).toContain('窗口受理');
    // Every row listed is of this item (the filter reached the API).
    await expect
      .poll(async () => (await page.locator('[data-testid^="item-name-"]').allTextContents()).every((name) => name === ITEM_NAME), { timeout: 10_000 })
      .toBe(true);
    // (Other test files share the engine: their cases of this item may be listed too, without a record here.)
    await shot(page, 'apply-06-inbox-by-item');

    // The case file: item and version, and the pre-check above the decision form.
    await row.getByText(businessKey).click();
    await expect.poll(() => page.url()).toContain(`#/cases/${caseId}?task=${taskId}`);
    await page.getByTestId('case-title').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('case-item').textContent(), { timeout: 10_000 }).toContain(ITEM_NAME);
    expect(await page.getByTestId('case-item-version').textContent()).toBe('v1');
    const precheck = page.getByTestId('precheck');
    await precheck.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('precheck-outcome').textContent()).toBe('需关注');
    expect(await page.getByTestId('precheck-outcome').getAttribute('data-outcome')).toBe('attention');
    expect(await page.getByTestId('precheck-findings').textContent()).toContain('住所使用证明为复印件');
    expect(await page.getByTestId('precheck-facts').textContent()).toContain('申请人未提供');
    expect(await page.getByTestId('precheck-facts').textContent()).toContain('建筑高度');
    expect(await page.getByTestId('precheck-decisions').textContent()).toContain('e2e-premises-check');
    await shot(page, 'apply-07-case-precheck');

    // The one-time notice of missing items.
    await page.getByTestId('decision-claim').click();
    await page.getByTestId('decision-unclaim').waitFor({ timeout: 15_000 });
    await page.getByTestId('field-decision').getByText('一次性告知补正').click();
    await page.getByTestId('field-opinion').locator('textarea').fill('公司章程缺少股东签字页，请补正。');
    await page.getByTestId('field-missingItems').locator('textarea').fill('公司章程（全体股东签字页）');
    await page.getByTestId('decision-submit').click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('#/inbox');
  });

  it('the applicant answers the notice from "my applications" once it is issued, and the case file marks the round', async () => {
    expect(taskId, 'the second test sends the notice').toBeDefined();
    // No workers run here: the test stops the clock and issues the notice in their place.
    const request = await eventually(async () => (await engine.processInstances({ superProcessInstance: caseId, processDefinitionKey: 'approval-correction' }))[0], 20_000, 'the correction procedure');
    await driveCorrection(request.id, async () => (await engine.waitingForMessage('CorrectionsSupplied', [request.id])).size === 1, 'the notice waiting for the items');

    const page = await newPage();
    await loginVia(page, '/applications', 'citizen');
    const notice = page.locator('[data-testid^="correction-notice-"]').filter({ hasText: businessKey });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.getByTestId('correction-missing').textContent()).toContain('公司章程（全体股东签字页）');
    expect(await notice.textContent()).toContain('公司章程缺少股东签字页');
    await expect.poll(() => page.getByTestId(`mine-row-${businessKey}`).textContent(), { timeout: 10_000 }).toContain('待补正');
    // The notice names the articles: that row is prepared, the applicant only attaches the file.
    expect(await notice.getByTestId('correction-row-0').textContent()).toContain('公司章程');
    await notice.getByTestId('correction-file-0').setInputFiles(files.articlesSigned!);
    await shot(page, 'apply-08-correction-notice');

    await notice.getByTestId('correction-submit').click();
    await page.getByText(/补正材料已提交（第 \d+ 次补正）/).waitFor({ timeout: 20_000 });
    // Once the clock runs again the notice is answered and gone from the page.
    await driveCorrection(request.id, async () => (await engine.processInstances({ processInstanceIds: [request.id] })).length === 0, 'the clock running again');
    await page.getByTestId('mine-refresh').click();
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(0);
    const supplied = await t.database.caseMaterial.findMany({ where: { caseId, code: 'articles', round: { gt: 0 } } });
    expect(supplied.length).toBeGreaterThan(0);

    // Back at window acceptance; the case file marks what came with a correction.
    await eventually(async () => (await engine.tasks({ processInstanceId: caseId, taskDefinitionKey: 'Completeness' }))[0], 20_000, 'window acceptance again');
    const clerk = await newPage();
    await loginVia(clerk, `/cases/${caseId}`, 'window-clerk');
    await clerk.getByTestId('case-title').waitFor({ timeout: 15_000 });
    await expect.poll(() => clerk.locator('[data-testid^="material-round-"]').count(), { timeout: 10_000 }).toBe(supplied.length);
    expect(await clerk.locator('[data-testid^="material-round-"]').first().textContent()).toMatch(/第 \d+ 次补正/);
    await shot(clerk, 'apply-10-case-materials-round');
  });
});
