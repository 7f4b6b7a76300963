/**
 * Signing in the browser, in real Chromium against the real API: an expert makes a key
 * (certificate request only to the server), backs it up encrypted, signs an evaluation
 * report; the key moves to a second "machine" through the backup; anyone verifies the
 * report by number and by upload (a tampered copy is refused).
 *
 * Set SUNSHINE_E2E_SCREENSHOTS=/some/dir to keep screenshots of the main steps.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/documents/render.js';
import { DocumentService, documentNumber } from '../../src/documents/service.js';
import { CertificateAuthority } from '../../src/pki/authority.js';
import { DEMO_PASSWORD, testApp, type TestApp } from '../support/app.js';
import { E2ePages, launchBrowser } from '../support/browser.js';

let t: TestApp;
let browser: Browser;
let baseUrl: string;
let pages: E2ePages;
const newPage = () => pages.newPage();
const shot = (page: Page, name: string) => pages.shot(page, name);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-signing-'));

const number = documentNumber('report');
let content: Buffer;
const PASSPHRASE = '春眠不觉晓 spring-2026';

/** What a private key looks like on the wire: PEM, or base64 DER of a P-256 PKCS#8 (WebCrypto's export starts so). */
const PRIVATE_KEY_MARKERS = ['PRIVATE KEY', 'MIGHAgEAMBMG'];

beforeAll(async () => {
  t = await testApp({ serveWeb: true });
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
  pages = new E2ePages(browser, baseUrl, { prefix: 'signing-' });
  content = await renderReport({
    number,
    title: '评标报告',
    tenderName: '阳光新区第三中学新建工程施工招标',
    experts: [{ name: '评标专家（演示）', role: '组长' }],
    summary: '评标委员会依据招标文件规定的评标办法进行了评审。',
    rows: [
      { bidder: '华夏建设工程有限公司', score: 91.25, rank: 1 },
      { bidder: '阳光建工集团有限公司', score: 78.5, rank: 2 },
    ],
    issuedAt: new Date(),
    signers: ['expert'],
  });
  const documents = new DocumentService(t.database, new CertificateAuthority(t.database, t.config.keyEncryptionKey));
  await documents.createForSigning({ number, kind: 'report', title: '评标报告', content, requiredSigners: ['expert'] });
});

afterAll(async () => {
  await pages?.close();
  await browser?.close();
  await t?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});



/** Opens `hashPath`, logs in on the login page it lands on, and comes back to it. */
async function loginVia(page: Page, hashPath: string, username: string): Promise<void> {
  await pages.loginVia(page, hashPath, username, DEMO_PASSWORD);
  await expect.poll(() => page.url()).toContain(`#${hashPath}`);
}

/** Every request body the page sends, to prove what left the browser. */
function recordBodies(page: Page): { url: string; method: string; body: string }[] {
  const sent: { url: string; method: string; body: string }[] = [];
  page.on('request', (request) => sent.push({ url: request.url(), method: request.method(), body: request.postData() ?? '' }));
  return sent;
}

const status = (page: Page) => page.getByTestId('verify-status').getAttribute('data-status');

/** The key record in the page's IndexedDB, as the app stored it (read with the raw API, not the app's code). */
function storedKey(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ extractable: boolean; usages: string[]; type: string; serial: string } | null>((resolve, reject) => {
        const open = indexedDB.open('sunshine-keys');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('keys').objectStore('keys').get('expert');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const record = get.result as { privateKey: CryptoKey; serial: string } | undefined;
            resolve(record ? { extractable: record.privateKey.extractable, usages: [...record.privateKey.usages], type: record.privateKey.type, serial: record.serial } : null);
          };
        };
      }),
  );
}

describe('signing in the browser', () => {
  let serial: string;
  let backupFile: string;

  it('the expert makes a key, backs it up encrypted and signs the report; the key never leaves the browser', async () => {
    const page = await newPage();
    const sent = recordBodies(page);
    await loginVia(page, '/keys', 'expert');
    expect(await page.getByRole('menuitem', { name: '我的证书' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('key-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('none');

    await page.getByTestId('key-passphrase').fill(PASSPHRASE);
    await page.getByTestId('key-passphrase-confirm').fill(PASSPHRASE);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.getByTestId('key-generate').click();
    await page.getByTestId('key-certificate-serial').waitFor({ timeout: 20_000 });
    serial = (await page.getByTestId('key-certificate-serial').textContent())!.trim();
    expect(serial).toMatch(/^[0-9a-f]{32}$/);
    await expect.poll(() => page.getByTestId('key-state').getAttribute('data-state')).toBe('match');
    const mine = await t.app.inject({ method: 'GET', url: '/api/pki/certificates/mine', headers: (await t.login('expert')).headers });
    expect(mine.json().certificate.serial).toBe(serial);
    // The certificate libraries arrived only now, on demand.
    expect(fetched.filter((pathname) => pathname.startsWith('/assets/pki-'))).toHaveLength(1);
    await shot(page, 'keys-generated');

    // The backup: the key only as ciphertext.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('key-export').click()]);
    expect(download.suggestedFilename()).toBe('sunshine-key-expert.json');
    backupFile = path.join(scratch, 'sunshine-key-expert.json');
    await download.saveAs(backupFile);
    const backupText = fs.readFileSync(backupFile, 'utf8');
    const backup = JSON.parse(backupText);
    expect(backup).toMatchObject({ format: 'sunshine-key-v1', username: 'expert', kdf: { name: 'PBKDF2', hash: 'SHA-256' } });
    expect(backup.kdf.iterations).toBeGreaterThanOrEqual(310_000);
    expect(Buffer.from(backup.ciphertext, 'base64').length).toBeGreaterThan(100);
    expect(Buffer.from(backup.iv, 'base64').length).toBe(12);
    expect(backup.certificate).toContain('BEGIN CERTIFICATE');
    for (const marker of PRIVATE_KEY_MARKERS) expect(backupText).not.toContain(marker);

    // What stays in the browser cannot be read back out.
    expect(await storedKey(page)).toEqual({ extractable: false, usages: ['sign'], type: 'private', serial });

    await page.getByRole('menuitem', { name: /待签文件/ }).click();
    await page.getByTestId(`sign-${number}`).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('sign-list').textContent()).toContain('评标报告');
    await expect.poll(() => page.getByTestId('sign-count').getAttribute('data-count')).toBe('1');
    await page.getByTestId(`sign-${number}`).click();
    await expect.poll(() => page.getByTestId('sign-sha256').textContent(), { timeout: 10_000 }).toBe(createHash('sha256').update(content).digest('hex'));
    expect(await page.getByTestId('sign-preview').getAttribute('src')).toMatch(/^blob:/);
    await shot(page, 'sign-before');
    await page.getByTestId('sign-submit').click();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('valid');
    expect(await page.getByTestId('verify-signers').textContent()).toContain('评标专家（演示）');
    // Signed: nothing waits any more, and the menu says so at once.
    await expect.poll(() => page.getByTestId('sign-count').getAttribute('data-count')).toBe('0');
    await shot(page, 'sign-after');

    await page.getByTestId('sign-verify-link').click();
    await expect.poll(() => page.url()).toContain(`#/verify/${number}`);
    await expect.poll(() => page.getByTestId('verify-signers').textContent(), { timeout: 10_000 }).toContain('expert');
    expect(await status(page)).toBe('valid');
    expect(await page.getByTestId('verify-document').textContent()).toContain(number);

    // What the server was sent: the request and the signature, never the key.
    const posts = sent.filter((request) => request.method === 'POST');
    for (const { body } of posts) for (const marker of PRIVATE_KEY_MARKERS) expect(body).not.toContain(marker);
    const certify = posts.filter((request) => request.url.endsWith('/api/pki/certificates'));
    expect(certify).toHaveLength(1);
    expect(Object.keys(JSON.parse(certify[0]!.body))).toEqual(['csr']);
    expect(JSON.parse(certify[0]!.body).csr).toContain('BEGIN CERTIFICATE REQUEST');
    const signature = posts.filter((request) => request.url.endsWith(`/api/documents/${number}/signatures`));
    expect(signature).toHaveLength(1);
    expect(Object.keys(JSON.parse(signature[0]!.body))).toEqual(['cms']);
    expect(posts.map((request) => new URL(request.url).pathname).sort()).toEqual(['/api/auth/login', `/api/documents/${number}/signatures`, '/api/pki/certificates'].sort());
  });

  it('the backup moves the key to another machine; a wrong passphrase is refused', async () => {
    const page = await newPage();
    await loginVia(page, '/keys', 'expert');
    await expect.poll(() => page.getByTestId('key-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('notHere');

    await page.getByTestId('key-import-file').setInputFiles(backupFile);
    await page.getByTestId('key-import-passphrase').fill('not the passphrase');
    await page.getByTestId('key-import').click();
    await expect.poll(() => page.getByTestId('key-import-error').textContent(), { timeout: 15_000 }).toContain('备份口令错误');

    await page.getByTestId('key-import-file').setInputFiles(backupFile);
    await page.getByTestId('key-import-passphrase').fill(PASSPHRASE);
    await page.getByTestId('key-import').click();
    await page.getByTestId('key-imported').waitFor({ timeout: 15_000 });
    expect((await page.getByTestId('key-certificate-serial').textContent())!.trim()).toBe(serial);
    await expect.poll(() => page.getByTestId('key-state').getAttribute('data-state')).toBe('match');
    expect(await storedKey(page)).toEqual({ extractable: false, usages: ['sign'], type: 'private', serial });
    await shot(page, 'keys-imported');
  });

  it('anyone verifies without logging in: by number, and by upload where a tampered copy is invalid', async () => {
    const page = await newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl}/#/verify`);
    await page.getByTestId('verify-number').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('menuitem', { name: '文件核验' }).count()).toBe(1);
    expect(await page.getByRole('menuitem', { name: '我的证书' }).count()).toBe(0);

    // A typo is explained before anything is asked of the server.
    await page.getByTestId('verify-number').fill('RPT-2026-XYZ');
    await page.getByTestId('verify-number-submit').click();
    await expect.poll(() => page.getByText('编号格式为').count()).toBeGreaterThan(0);
    await page.getByTestId('verify-number').fill(` ${number.toLowerCase()} `);
    await page.getByTestId('verify-number-submit').click();
    await expect.poll(() => page.url()).toContain(`#/verify/${number}`);
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('valid');
    expect(await page.getByTestId('verify-status').textContent()).toContain('有效');
    await shot(page, 'verify-number');

    await page.getByTestId('verify-tab-upload').click();
    const tampered = Buffer.from(content);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = tampered[middle]! ^ 0x01;
    await page.getByTestId('verify-upload-document').setInputFiles({ name: `${number}.pdf`, mimeType: 'application/pdf', buffer: tampered });
    await page.getByTestId('verify-upload-submit').click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('invalid');
    expect(await page.getByTestId('verify-reasons').textContent()).toContain('文件可能被修改');
    await shot(page, 'verify-tampered');

    await page.getByTestId('verify-upload-document').setInputFiles({ name: `${number}.pdf`, mimeType: 'application/pdf', buffer: content });
    await page.getByTestId('verify-upload-submit').click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('valid');
    expect(await page.getByTestId('verify-signers').textContent()).toContain('评标专家（演示）');

    // With its own .p7s, checked on the signatures given rather than those held here; a tampered copy fails them.
    const p7s = await page.request.get(`${baseUrl}/api/documents/${number}/signatures/expert`);
    expect(p7s.status()).toBe(200);
    await page.getByTestId('verify-upload-document').setInputFiles({ name: `${number}.pdf`, mimeType: 'application/pdf', buffer: tampered });
    await page.getByTestId('verify-upload-signatures').setInputFiles({ name: `${number}.pdf.expert.p7s`, mimeType: 'application/pkcs7-signature', buffer: await p7s.body() });
    await page.getByTestId('verify-upload-submit').click();
    await expect.poll(() => page.getByTestId('verify-signers').textContent(), { timeout: 10_000 }).toContain('无效');
    expect(await status(page)).toBe('invalid');

    // In English too; the reasons take the English half of the server's "中文 / English".
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('verify-status').textContent()).toContain('Invalid');
    expect(await page.getByTestId('verify-reasons').textContent()).toContain('the document does not match the signature');
    expect(await page.getByTestId('verify-reasons').textContent()).not.toContain('文件');

    // The offline check's downloads.
    for (const link of ['verify-root-link', 'verify-crl-link']) {
      const href = await page.getByTestId(link).getAttribute('href');
      const response = await page.request.get(`${baseUrl}${href}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain('-----BEGIN');
    }
    await shot(page, 'verify-english');
    // Verifying needs no certificate code in the browser: the lazily loaded chunk stays unloaded.
    expect(fetched.filter((pathname) => pathname.startsWith('/assets/pki-'))).toEqual([]);
    expect(fetched.some((pathname) => pathname.startsWith('/assets/index-'))).toBe(true);
  });

  it('after the administrator revokes the expert’s certificate, the report shows as revoked', async () => {
    const admin = await t.login('admin');
    const revoke = await t.app.inject({ method: 'POST', url: `/api/pki/certificates/${serial}/revoke`, headers: admin.headers, payload: { reason: 'key lost' } });
    expect(revoke.statusCode, revoke.body).toBe(204);
    const page = await newPage();
    await page.goto(`${baseUrl}/#/verify/${number}`);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('revoked');
    expect(await page.getByTestId('verify-status').textContent()).toContain('证书已吊销');
    expect(await page.getByTestId('verify-signers').textContent()).toContain('已吊销');
    await shot(page, 'verify-revoked');
  });
});
