/**
 * Starts ONE embedded PostgreSQL and ONE Camunda engine for the whole test run and
 * hands their coordinates to the test files; builds the web app for the browser test.
 */
import type { TestProject } from 'vitest/node';
import { generatePrismaClientIfChanged } from '../src/database/generate-client.js';
import { ensureDatabase } from '../src/database/server.js';
import { applyMigrations } from '../src/database/migrate.js';
import { startEphemeralStack } from '../src/system/ephemeral.js';
import { buildWebIfChanged } from '../src/web/build.js';
import { TEMPLATE_DATABASE, type TestEnvironment } from './support/environment.js';

declare module 'vitest' {
  export interface ProvidedContext {
    environment: TestEnvironment;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  // Test files import the generated Prisma client; it must exist before they load.
  generatePrismaClientIfChanged((message) => console.log(message));
  const [stack] = await Promise.all([startEphemeralStack({ log: (message) => console.log(message) }), buildWebIfChanged((message) => console.log(message))]);
  try {
    await ensureDatabase(stack.adminUrl, TEMPLATE_DATABASE);
    await applyMigrations(stack.databaseUrl(TEMPLATE_DATABASE));
  } catch (error) {
    await stack.stop();
    throw error;
  }
  const { databaseUrl: _url, stop: _stop, ...environment } = stack;
  project.provide('environment', environment satisfies TestEnvironment);
  console.log(`test environment ready in ${Date.now() - started} ms (engine ${stack.engineRestUrl})`);
  return () => stack.stop();
}
