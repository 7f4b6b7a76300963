/** Builds the real API against the shared engine and a fresh database for one test file. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { pendingMigrations } from '../../src/database/migrate.js';
import { createPrismaClient, type Database } from '../../src/database/prisma.js';
import { engineClient, freshDatabase, testEnvironment } from './environment.js';
import { captureLogger } from './logs.js';
import { shippedHolidayYears } from '../../src/calendar/shipped.js';

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

export const TEST_ADMIN = { user: 'admin', password: 'test-admin-password' };

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  databaseUrl: string;
  /** Authorization header of the bootstrap administrator. */
  adminAuth: string;
  close(): Promise<void>;
}

export async function testApp(options: { serveWeb?: boolean; fixtureYears?: boolean } = {}): Promise<TestApp> {
  const env = testEnvironment();
  const databaseUrl = await freshDatabase();
  const config = loadConfig({
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
  });
  const database = createPrismaClient(databaseUrl);
  if (options.fixtureYears ?? true) await loadFixtureYears(database);
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
    database,
    databaseUrl,
    adminAuth: `Basic ${Buffer.from(`${TEST_ADMIN.user}:${TEST_ADMIN.password}`).toString('base64')}`,
    async close() {
      await app.close();
      await database.$disconnect();
    },
  };
}
