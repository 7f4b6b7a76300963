/** Login, sessions, CSRF, lockout, rate limiting, password change, administration. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../../src/identity/login.js';
import { DEMO_PASSWORD, login, testApp, testConfig, type TestApp } from '../support/app.js';
import { engineClient } from '../support/environment.js';
import { captureLogger } from '../support/logs.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const loginAttempt = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login and sessions', () => {
  it('logs in with an httpOnly, SameSite=Strict cookie and tells who is logged in', async () => {
    const response = await loginAttempt('housing-reviewer', DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((candidate) => candidate.name === 'sunshine_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy(); // Secure only in production (plain http here)
    expect(response.json().user).toEqual({
      username: 'housing-reviewer',
      displayName: '市住房和城乡建设局 审批人员',
      roles: ['reviewer'],
      department: { code: 'housing', nameZh: '市住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau' },
      mustChangePassword: false,
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `sunshine_session=${cookie.value}` } });
    expect(me.json().user.username).toBe('housing-reviewer');
    expect((await t.app.inject('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses wrong passwords and unknown users alike, and never stores a password', async () => {
    const wrong = await loginAttempt('housing-reviewer', 'not-the-password-1');
    const unknown = await loginAttempt('nobody-here', 'not-the-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    const stored = await t.database.user.findUniqueOrThrow({ where: { username: 'housing-reviewer' } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('requires the CSRF token for state-changing requests', async () => {
    const session = await t.login('fire-reviewer');
    const withoutToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.headers.cookie } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error).toBe('CSRF_TOKEN_INVALID');
    const wrongToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...session.headers, 'x-csrf-token': 'forged' } });
    expect(wrongToken.json().error).toBe('CSRF_TOKEN_INVALID');
    // Reading needs no token.
    expect((await t.app.inject({ method: 'GET', url: '/api/inbox', headers: { cookie: session.headers.cookie } })).statusCode).toBe(200);
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(logout.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/inbox', headers: session.headers })).statusCode).toBe(401);
  });

  it(`locks an account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} failures, until an administrator unlocks it`, async () => {
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt += 1) expect((await loginAttempt('water-reviewer', 'wrong-password-1')).statusCode).toBe(401);
    const locked = await loginAttempt('water-reviewer', 'wrong-password-1');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toBe('ACCOUNT_LOCKED');
    // Even the right password is refused while locked.
    expect((await loginAttempt('water-reviewer', DEMO_PASSWORD)).statusCode).toBe(423);
    const admin = await t.login('admin');
    const unlock = await t.app.inject({ method: 'PATCH', url: '/api/admin/users/water-reviewer', headers: admin.headers, payload: { unlock: true } });
    expect(unlock.json()).toMatchObject({ locked: false });
    expect((await loginAttempt('water-reviewer', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('changes a password: checks the current one and the rule, ends the other sessions', async () => {
    const first = await t.login('market-reviewer');
    const second = await t.login('market-reviewer');
    const change = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/password', headers: first.headers, payload });
    expect((await change({ currentPassword: 'wrong-password-1', newPassword: 'new-password-22' })).json().error).toBe('WRONG_PASSWORD');
    const weak = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0]).toMatchObject({ field: 'body.newPassword', message: expect.stringContaining('at least 10 characters') });
    expect((await change({ currentPassword: DEMO_PASSWORD, newPassword: 'new-password-22' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/inbox', headers: second.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/inbox', headers: first.headers })).statusCode).toBe(200);
    expect((await loginAttempt('market-reviewer', 'new-password-22')).statusCode).toBe(200);
  });

  it('limits login attempts per client address', async () => {
    const config = testConfig(t.databaseUrl, { SUNSHINE_LOGIN_RATE_LIMIT: '3' });
    const app = await buildApp({ config, engine: engineClient(), database: t.database, logger: captureLogger('silent').logger, pendingMigrations: async () => [], serveWeb: false });
    for (let attempt = 0; attempt < 3; attempt += 1) await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
    const limited = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toMatch(/too many attempts/);
    await app.close();
  });

  it('sets the Secure flag on the cookie in production', async () => {
    const config = testConfig(t.databaseUrl, {
      NODE_ENV: 'production',
      SUNSHINE_ADMIN_PASSWORD: 'production-admin-password-1',
      SUNSHINE_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    expect(config.demo).toBeUndefined();
    const app = await buildApp({ config, engine: engineClient(), database: t.database, logger: captureLogger('silent').logger, pendingMigrations: async () => [], serveWeb: false });
    const session = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'civil-defense-reviewer', password: DEMO_PASSWORD } });
    expect(session.cookies.find((cookie) => cookie.name === 'sunshine_session')!.secure).toBe(true);
    await app.close();
  });
});

describe('administration', () => {
  it('manages departments in a hierarchy and users with roles, audited', async () => {
    const admin = await t.login('admin');
    const create = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: admin.headers, payload });
    expect((await create('/api/admin/departments', { code: 'west-district', nameZh: '西城区人民政府', nameEn: 'West District Government', level: 'county', parentCode: 'city' })).statusCode).toBe(201);
    expect((await create('/api/admin/departments', { code: 'hillside', nameZh: '山坡街道', nameEn: 'Hillside Subdistrict', level: 'township', parentCode: 'west-district' })).statusCode).toBe(201);
    const orphan = await create('/api/admin/departments', { code: 'lost', nameZh: '无上级', nameEn: 'No parent', level: 'township' });
    expect(orphan.json().error).toBe('PARENT_REQUIRED');
    const upside = await create('/api/admin/departments', { code: 'upside', nameZh: '倒置', nameEn: 'Upside down', level: 'county', parentCode: 'hillside' });
    expect(upside.json().error).toBe('PARENT_LEVEL');

    const user = await create('/api/admin/users', { username: 'hillside-reviewer', displayName: '山坡街道 审批人员', roles: ['reviewer'], departmentCode: 'hillside', password: 'initial-password-1' });
    expect(user.statusCode, user.body).toBe(201);
    expect(user.json()).toMatchObject({ mustChangePassword: true, departmentCode: 'hillside' });
    const duplicate = await create('/api/admin/users', { username: 'hillside-reviewer', displayName: 'x', roles: ['reviewer'], password: 'initial-password-1' });
    expect(duplicate.statusCode).toBe(409);
    const badRole = await create('/api/admin/users', { username: 'someone', displayName: 'x', roles: ['king'], password: 'initial-password-1' });
    expect(badRole.json().details[0].field).toBe('body.roles.0');

    const session = await login(t.app, 'hillside-reviewer', 'initial-password-1');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).json().user.mustChangePassword).toBe(true);
    const selfDemote = await t.app.inject({ method: 'PATCH', url: '/api/admin/users/admin', headers: admin.headers, payload: { roles: ['reviewer'] } });
    expect(selfDemote.json().error).toBe('SELF_LOCKOUT');
    const deactivated = await t.app.inject({ method: 'PATCH', url: '/api/admin/users/hillside-reviewer', headers: admin.headers, payload: { active: false } });
    expect(deactivated.json().active).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/inbox', headers: session.headers })).statusCode).toBe(401);
    const audit = await t.database.auditEntry.findMany({ where: { actor: 'admin', action: { startsWith: 'admin.' } } });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['admin.department.create', 'admin.user.create', 'admin.user.update']));
  });
});
