/** The browser app in real Chromium: the first page shows the engine's status. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deployShippedProcesses } from '../../src/engine/deploy-processes.js';
import { testApp, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { engineClient } from '../support/environment.js';

let t: TestApp;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  t = await testApp({ serveWeb: true });
  await deployShippedProcesses(engineClient());
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('shows the engine running and the deployed procedures, in Chinese then English', async () => {
  const page = await browser.newPage();
  const failed: string[] = [];
  // The page cancels its status poll when it re-renders (language switch): not a failure.
  page.on('requestfailed', (request) => request.failure()?.errorText !== 'net::ERR_ABORTED' && failed.push(request.url()));
  await page.goto(baseUrl);
  await expect.poll(() => page.getByTestId('engine-status').textContent(), { timeout: 15_000 }).toContain('运行中');
  expect(await page.getByTestId('engine-version').textContent()).toContain('7.24.0');
  await expect.poll(() => page.getByTestId('process-table').textContent(), { timeout: 10_000 }).toContain('sunshine-demo');
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

  await page.getByTestId('language-switch').getByText('English').click();
  await expect.poll(() => page.getByTestId('engine-status').textContent()).toContain('Running');
  expect(failed).toEqual([]);

  // A client-side route survives a reload (the server falls back to index.html).
  await page.goto(`${baseUrl}/status`);
  await expect.poll(() => page.getByTestId('engine-status').textContent(), { timeout: 15_000 }).toContain('Running');
});
