/** Debian's Chromium driven by playwright-core (Playwright cannot download browsers here). */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.SUNSHINE_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * The pages of one e2e test file: contexts closed together, screenshots when
 * SUNSHINE_E2E_SCREENSHOTS names a directory, and the login every test goes through.
 */
export class E2ePages {
  private readonly contexts: BrowserContext[] = [];
  private readonly screenshots = process.env.SUNSHINE_E2E_SCREENSHOTS;

  constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
    private readonly options: { prefix?: string; viewport?: { width: number; height: number }; timeoutMs?: number } = {},
  ) {
    if (this.screenshots) fs.mkdirSync(this.screenshots, { recursive: true });
  }

  get screenshotDir(): string | undefined {
    return this.screenshots;
  }

  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: this.options.viewport ?? { width: 1400, height: 1000 }, acceptDownloads: true });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    return page;
  }

  async shot(page: Page, name: string): Promise<void> {
    if (this.screenshots) await page.screenshot({ path: path.join(this.screenshots, `${this.options.prefix ?? ''}${name}.png`), fullPage: true });
  }

  /** Opens `hashPath`; without a session the app shows its login page. */
  async openLogin(page: Page, hashPath: string): Promise<void> {
    await page.goto(`${this.baseUrl}/#${hashPath}`);
    await page.getByTestId('login-username').waitFor({ timeout: this.options.timeoutMs ?? 15_000 });
  }

  async submitLogin(page: Page, username: string, password: string): Promise<void> {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-user').waitFor({ timeout: this.options.timeoutMs ?? 15_000 });
  }

  /** Opens `hashPath`, logs in on the login page it lands on, and comes back. */
  async loginVia(page: Page, hashPath: string, username: string, password: string): Promise<void> {
    await this.openLogin(page, hashPath);
    await this.submitLogin(page, username, password);
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => {});
  }
}
