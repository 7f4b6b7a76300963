/** Builds the real API against the shared engine and a fresh database for one test file. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { pendingMigrations } from '../../src/database/migrate.js';
import { createPrismaClient, type Database } from '../../src/database/prisma.js';
import { engineClient, freshDatabase, testEnvironment } from './environment.js';
import { captureLogger } from './logs.js';
import { shippedHolidayYears } from '../../src/calendar/shipped.js';
import { ensureAdministrator, seedDemo } from '../../src/identity/seed.js';
import { CertificateAuthority } from '../../src/pki/authority.js';

/**
 * Tests start cases "now", and deadlines reach into next year near the year's end. Years
 * without shipped data get a weekends-only test fixture in the test's own database, so
 * the suite does not depend on the date it runs; production never guesses a year.
 */
export async function loadFixtureYears(database: Database): Promise<void> {
  const shipped = new Set(shippedHolidayYears().map((year) => year.year));
  const now = new Date().getFullYear();
  const missing = [now - 1, now, now + 1, now + 2].filter((year) => !shipped.has(year));
  await database.calendarYear.createMany({
    data: missing.map((year) => ({ year, source: 'test fixture: weekends only (not an official notice)', daysOff: [], makeUpWorkdays: [], updatedBy: 'test' })),
    skipDuplicates: true,
  });
}

export const TEST_ADMIN = { user: 'admin', password: 'test-admin-password-1' };
/** Password of every seeded demo user in tests. */
export const DEMO_PASSWORD = 'demo-password-1';

export interface Session {
  username: string;
  csrfToken: string;
  /** Headers of a logged-in browser: the session cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  database: Database;
  databaseUrl: string;
  /** Logs a user in (demo users share DEMO_PASSWORD; the admin has TEST_ADMIN.password). */
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((candidate) => candidate.name === 'sunshine_session')!;
  const csrfToken = response.json().csrfToken as string;
  return { username, csrfToken, headers: { cookie: `sunshine_session=${cookie.value}`, 'x-csrf-token': csrfToken } };
}

/** The configuration of an API on the shared test servers; `overrides` win. */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}) {
  const env = testEnvironment();
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    SUNSHINE_ENGINE_DATABASE_URL: env.engineDatabaseUrl,
    SUNSHINE_ENGINE_URL: env.engineRestUrl,
    SUNSHINE_ENGINE_USER: env.engineUser,
    SUNSHINE_ENGINE_PASSWORD: env.enginePassword,
    SUNSHINE_ENGINE_ADMIN_USER: env.engineAdminUser,
    SUNSHINE_ENGINE_ADMIN_PASSWORD: env.engineAdminPassword,
    SUNSHINE_ADMIN_USER: TEST_ADMIN.user,
    SUNSHINE_ADMIN_PASSWORD: TEST_ADMIN.password,
    SUNSHINE_DATA_DIR: env.dir,
    SUNSHINE_LOGIN_RATE_LIMIT: '100000',
    ...overrides,
  });
}

export async function testApp(options: { serveWeb?: boolean; fixtureYears?: boolean } = {}): Promise<TestApp> {
  const databaseUrl = await freshDatabase();
  const config = testConfig(databaseUrl);
  const database = createPrismaClient(databaseUrl);
  if (options.fixtureYears ?? true) await loadFixtureYears(database);
  await ensureAdministrator(database, TEST_ADMIN);
  await seedDemo(database, DEMO_PASSWORD);
  await new CertificateAuthority(database, config.keyEncryptionKey).init();
  const app = await buildApp({
    config,
    engine: engineClient(),
    database,
    logger: captureLogger('warn').logger,
    pendingMigrations: () => pendingMigrations(databaseUrl),
    serveWeb: options.serveWeb ?? false,
  });
  await app.ready();
  return {
    app,
    config,
    database,
    databaseUrl,
    login: (username, password) => login(app, username, password ?? (username === TEST_ADMIN.user ? TEST_ADMIN.password : DEMO_PASSWORD)),
    async close() {
      await app.close();
      await database.$disconnect();
    },
  };
}
