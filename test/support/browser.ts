/** Debian's Chromium driven by playwright-core (Playwright cannot download browsers here). */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.SUNSHINE_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
