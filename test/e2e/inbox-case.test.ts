/**
 * The staff pages in real Chromium against the real API and engine: login, the inbox
 * (search, polling, keyboard, claim), the case file (diagram, materials, decision form),
 * department isolation (403 page), the language switch, administration and the
 * must-change-password flow.
 *
 * Set SUNSHINE_E2E_SCREENSHOTS=/some/dir to keep screenshots of the main steps.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployShippedProcesses } from '../../src/engine/deploy-processes.js';
import { DEMO_PASSWORD, TEST_ADMIN, testApp, type Session, type TestApp } from '../support/app.js';
import { E2ePages, launchBrowser } from '../support/browser.js';
import { caseAtReview as reviewCase } from '../support/cases.js';
import { engineClient, unique } from '../support/environment.js';

let t: TestApp;
let browser: Browser;
let baseUrl: string;
let pages: E2ePages;
const newPage = () => pages.newPage();
const shot = (page: Page, name: string) => pages.shot(page, name);
let clerk: Session;
const engine = engineClient();

beforeAll(async () => {
  t = await testApp({ serveWeb: true });
  await deployShippedProcesses(engine);
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
  pages = new E2ePages(browser, baseUrl);
  clerk = await t.login('window-clerk');
});

afterAll(async () => {
  await pages?.close();
  await browser?.close();
  await t?.close();
});

const caseAtReview = (applicant: string) => reviewCase(t, clerk, applicant);



/** Opens `hashPath`, lands on the login page, logs in, and comes back. */
async function loginVia(page: Page, hashPath: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await pages.openLogin(page, hashPath);
  expect(page.url()).toContain('#/login?next=');
  await shot(page, `login-${username}`);
  await pages.submitLogin(page, username, password);
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByTestId('inbox-search').fill(text);
}

describe('inbox and case file', () => {
  const prefix = unique('E2E申请人');
  let first: Awaited<ReturnType<typeof caseAtReview>>;

  beforeAll(async () => {
    first = await caseAtReview(`${prefix}-甲`);
  });

  it('a reviewer logs in, finds the task, claims it by keyboard and decides it in the case file', async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    // The status page stays public.
    await expect.poll(() => page.getByTestId('engine-status').textContent(), { timeout: 15_000 }).toContain('运行中');

    await loginVia(page, '/inbox', 'demo-reviewer');
    await expect.poll(() => page.url()).toContain('#/inbox');
    expect(await page.getByTestId('header-user').textContent()).toContain('演示审查科');
    await expect.poll(() => page.getByTestId('inbox-title').textContent()).toBe('待办');
    expect(await page.getByRole('columnheader', { name: '申请人' }).count()).toBe(1);
    // Menu by role: inbox yes, administration no.
    expect(await page.getByRole('menuitem', { name: '待办' }).count()).toBe(1);
    expect(await page.getByRole('menuitem', { name: '系统管理' }).count()).toBe(0);

    await search(page, prefix);
    const row = page.getByTestId(`inbox-row-${first.taskId}`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain(first.businessKey);
    await expect.poll(() => page.getByTestId(`countdown-${first.taskId}`).textContent()).toMatch(/剩余 \d+ 个工作日/);
    expect(await page.getByTestId(`countdown-${first.taskId}`).getAttribute('data-status')).toBe('normal');
    // Once the (debounced) search applies, only this file's case is listed; the row itself
    // may show up earlier, in the unfiltered list.
    await expect.poll(() => page.locator('[data-testid^="inbox-row-"]').count(), { timeout: 10_000 }).toBe(1);
    await shot(page, '01-inbox');

    // Polling: a case arriving while the page is open shows up within 5 s, without a reload.
    const second = await caseAtReview(`${prefix}-乙`);
    const arrived = Date.now();
    await page.getByTestId(`inbox-row-${second.taskId}`).waitFor({ timeout: 5_000 });
    expect(Date.now() - arrived).toBeLessThan(5_000);

    // Keyboard: select our row, claim with "c", unclaim with "u", claim again.
    await row.locator('td').nth(1).click();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('c');
    await page.getByTestId(`unclaim-${first.taskId}`).waitFor({ timeout: 10_000 });
    await page.keyboard.press('u');
    await page.getByTestId(`claim-${first.taskId}`).waitFor({ timeout: 10_000 });
    await page.getByTestId(`claim-${first.taskId}`).click();
    await page.getByTestId(`unclaim-${first.taskId}`).waitFor({ timeout: 10_000 });
    expect((await engine.task(first.taskId)).assignee).toBe('demo-reviewer');
    expect(await page.getByTestId('inbox-keyboard-help').textContent()).toContain('Enter');

    // Enter opens the selected row's case file with its decision form.
    await row.locator('td').nth(1).click();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`#/cases/${first.caseId}?task=${first.taskId}`);
    await page.getByTestId('case-title').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('case-applicant').textContent()).toBe(`${prefix}-甲`);

    // The diagram: the review is under way, intake and check are done.
    const diagram = page.getByTestId('case-diagram');
    await expect.poll(() => diagram.locator('.djs-element.highlight-active').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await diagram.locator('.djs-element.highlight-completed').count()).toBeGreaterThan(0);
    expect(await diagram.locator('[data-element-id="Review"].highlight-active').count()).toBe(1);
    expect(await page.getByTestId('case-timeline').textContent()).toContain('材料核验');
    await shot(page, '02-case-file');

    // Materials: the image previews as an image, the PDF in a frame.
    await page.getByTestId('material-id-card').click();
    const image = page.locator('img[data-testid="material-preview"]');
    await image.waitFor({ timeout: 10_000 });
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    await shot(page, '03-material-image');
    await page.keyboard.press('Escape');
    await image.waitFor({ state: 'detached' });
    await page.getByTestId('material-application-form').click();
    const frame = page.locator('iframe[data-testid="material-preview"]');
    await frame.waitFor({ timeout: 10_000 });
    expect(await frame.getAttribute('src')).toMatch(new RegExp(`/api/cases/${first.caseId}/materials/\\d+$`));
    await page.keyboard.press('Escape');
    await frame.waitFor({ state: 'detached' });

    // The decision form is built from the task's fields and validated before sending.
    const form = page.getByTestId('decision-form');
    await form.waitFor();
    await page.getByTestId('field-decision').getByText('要求补正').click();
    await page.getByTestId('decision-submit').click();
    await expect.poll(() => page.getByTestId('field-opinion').locator('.ant-form-item-explain-error').count()).toBe(1);
    // requiredWhen: missing items are required once "correction" is chosen.
    await expect.poll(() => page.getByTestId('field-missingItems').locator('.ant-form-item-explain-error').count()).toBe(1);
    await page.getByTestId('field-opinion').locator('textarea').fill('同');
    await expect.poll(() => page.getByTestId('field-opinion').locator('.ant-form-item-explain-error').textContent()).toContain('至少 2 个字');
    await shot(page, '04-decision-validation');

    await page.getByTestId('field-decision').getByText('同意', { exact: true }).click();
    await page.getByTestId('field-opinion').locator('textarea').fill('材料齐全，同意。');
    await expect.poll(() => page.getByTestId('field-missingItems').locator('.ant-form-item-explain-error').count()).toBe(0);
    await page.getByTestId('decision-submit').click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('#/inbox');
    await page.getByText('已提交决定').waitFor({ timeout: 5_000 });

    // Recorded, and gone from the inbox.
    const file = (await t.app.inject({ method: 'GET', url: `/api/cases/${first.caseId}`, headers: (await t.login('demo-reviewer')).headers })).json();
    expect(file.opinions).toEqual([expect.objectContaining({ decision: 'approve', opinion: '材料齐全，同意。', author: 'demo-reviewer' })]);
    await search(page, prefix);
    await page.getByTestId(`inbox-row-${second.taskId}`).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId(`inbox-row-${first.taskId}`).count()).toBe(0);

    // The completed case file shows the opinion; the language switch changes the headings.
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('inbox-title').textContent()).toBe('Inbox');
    expect(await page.getByRole('columnheader', { name: 'Applicant' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId(`countdown-${second.taskId}`).textContent()).toMatch(/working days? left|Due today/);
    await shot(page, '05-inbox-english');

    await page.goto(`${baseUrl}/#/cases/${first.caseId}`);
    await page.getByTestId('case-opinions').getByText('材料齐全，同意。').waitFor({ timeout: 10_000 });
    // The form's own label of the decision ("同意 / approve"), in English.
    expect(await page.getByTestId('case-opinions').textContent()).toContain('approve');
    await shot(page, '06-case-completed-english');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
  });

  it('keeps other departments out: the 403 page by URL, and an empty inbox', async () => {
    const page = await newPage();
    await loginVia(page, `/cases/${first.caseId}`, 'housing-reviewer');
    // Back at the case after login, which the API refuses.
    await expect.poll(() => page.url()).toContain(`#/cases/${first.caseId}`);
    await page.getByTestId('forbidden-page').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('forbidden-page').textContent()).toContain('无权访问');
    await shot(page, '07-forbidden');

    await page.goto(`${baseUrl}/#/inbox`);
    await search(page, prefix);
    await page.getByTestId('inbox-table').getByText('暂无待办任务').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid^="inbox-row-"]').count()).toBe(0);

    // A role page the user lacks is refused too.
    await page.goto(`${baseUrl}/#/admin`);
    await page.getByTestId('forbidden-page').waitFor({ timeout: 10_000 });
  });
});

describe('administration and first login', () => {
  it('an administrator manages users; a new user must change the password at first login', async () => {
    const page = await newPage();
    await loginVia(page, '/admin', TEST_ADMIN.user, TEST_ADMIN.password);
    await expect.poll(() => page.url()).toContain('#/admin');
    await page.getByTestId('departments-table').getByText('演示审查科').waitFor({ timeout: 10_000 });
    await shot(page, '08-admin-departments');
    expect(await page.getByRole('menuitem', { name: '待办' }).count()).toBe(0);

    await page.getByRole('tab', { name: '用户' }).click();
    const username = unique('newcomer').toLowerCase();
    await page.getByTestId('user-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('新来的审批人员');
    // Under load the first click on an option can be lost: pick until the tag shows.
    await expect
      .poll(async () => {
        if ((await dialog.locator('.ant-select-selection-item', { hasText: '部门审批人员' }).count()) > 0) return true;
        await dialog.getByLabel('角色').click();
        await page.locator('.ant-select-dropdown:visible').getByText('部门审批人员', { exact: true }).click({ timeout: 2_000 }).catch(() => {});
        return false;
      }, { timeout: 15_000 })
      .toBe(true);
    // Close the multi-select's dropdown by clicking elsewhere in the dialog: Escape could close the dialog.
    await dialog.getByLabel('姓名').click();
    await expect
      .poll(async () => {
        const field = dialog.locator('.ant-form-item', { has: page.getByText('部门', { exact: true }) });
        if ((await field.textContent())?.includes('演示审查科')) return true;
        // fill, not type: a retry must replace the search text, not append to it ("演示演示" matches nothing).
        const search = dialog.getByLabel('部门');
        await search.click();
        await search.fill('(demo)');
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '演示审查科 (demo)' }).first().click({ timeout: 2_000 }).catch(() => {});
        return false;
      }, { timeout: 15_000 })
      .toBe(true);
    await dialog.getByLabel('初始密码').fill('first-password-1');
    await shot(page, '08-admin-create-user');
    // antd spaces out two-character Chinese button labels ("保 存").
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    // Closed once saved; if not, the assertion shows the dialog's error or field messages.
    await expect
      .poll(async () => ((await dialog.isVisible()) ? (await dialog.locator('.ant-alert, .ant-form-item-explain-error').allTextContents()).join(' | ') || 'open' : 'closed'), { timeout: 20_000 })
      .toBe('closed');
    await page.getByTestId('user-search').fill(username);
    await page.getByTestId('users-table').getByText('新来的审批人员').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('users-table').textContent()).toContain('须修改密码');
    await shot(page, '09-admin-users');

    const created = await t.database.user.findUniqueOrThrow({ where: { username } });
    expect(created).toMatchObject({ roles: ['reviewer'], departmentCode: 'demo', mustChangePassword: true });

    const newcomer = await newPage();
    await loginVia(newcomer, '/inbox', username, 'first-password-1');
    await expect.poll(() => newcomer.url()).toContain('#/password');
    await shot(newcomer, '10-must-change-password');
    await newcomer.getByTestId('password-current').fill('first-password-1');
    await newcomer.getByTestId('password-new').fill('my-own-password-2');
    await newcomer.getByTestId('password-confirm').fill('my-own-password-2');
    await newcomer.getByTestId('password-submit').click();
    await expect.poll(() => newcomer.url(), { timeout: 10_000 }).toContain('#/inbox');
    expect(await newcomer.getByTestId('must-change-password').count()).toBe(0);
    expect((await t.database.user.findUniqueOrThrow({ where: { username } })).mustChangePassword).toBe(false);

    // A wrong password is reported on the login page.
    const stranger = await newPage();
    await stranger.goto(`${baseUrl}/#/login`);
    await stranger.getByTestId('login-username').fill(username);
    await stranger.getByTestId('login-password').fill('wrong-password-9');
    await stranger.getByTestId('login-submit').click();
    await expect.poll(() => stranger.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
  });
});
