/** Coordinates of the shared test servers, and helpers every test file uses. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { EngineClient } from '../../src/engine/client.js';
import type { EphemeralStack } from '../../src/system/ephemeral.js';

export const TEMPLATE_DATABASE = 'sunshine_template';

/** What global setup shares with test files: the stack's coordinates, not its functions. */
export type TestEnvironment = Omit<EphemeralStack, 'databaseUrl' | 'stop'>;

export function testEnvironment(): TestEnvironment {
  return inject('environment');
}

export function engineClient(): EngineClient {
  const env = testEnvironment();
  return new EngineClient({ baseUrl: env.engineRestUrl, user: env.engineUser, password: env.enginePassword });
}

/** A fresh, migrated database for one test file (a copy of the migrated template). */
export async function freshDatabase(): Promise<string> {
  const env = testEnvironment();
  const name = `test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: env.adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await client.end();
  }
  return env.adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** A unique suffix so that files sharing the one engine never see each other's data. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Polls until `probe` returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
