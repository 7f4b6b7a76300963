/**
 * Applies prisma/migrations at start-up. `prisma migrate deploy` cannot run on these
 * machines (DESIGN.md §4), so this is the whole migration runner: ordered by folder name,
 * one transaction per migration together with its record, checksummed so that editing an
 * applied migration is caught instead of silently diverging from the database.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
const TABLE = 'sunshine_migrations';
// Any fixed 64-bit number works; it only has to be the same in every Sunshine process.
const LOCK_KEY = '7325409153368064011';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  name: string;
  checksum: string;
}

async function readMigrations(): Promise<Migration[]> {
  const entries = await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true });
  // Code-point order, not locale order: the timestamp prefix must decide, on every machine.
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(MIGRATIONS_DIR, name, 'migration.sql');
      const sql = await fs.readFile(file, 'utf8').catch(() => {
        throw new MigrationError(`迁移目录缺少 migration.sql / migration ${name} has no migration.sql (${file})`);
      });
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/** Throws if the database's history is not a subset of the files; returns what is pending. */
function pendingOf(migrations: Migration[], applied: AppliedRow[]): Migration[] {
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of applied) {
    const migration = byName.get(row.name);
    if (!migration) {
      throw new MigrationError(
        `数据库中有不存在的迁移 / migration ${row.name} is recorded as applied but is missing from prisma/migrations (database from a newer or different version?)`,
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(`数据库迁移已被修改 / migration ${row.name} was changed after it was applied (checksum differs)`);
    }
  }
  const done = new Set(applied.map((row) => row.name));
  return migrations.filter((migration) => !done.has(migration.name));
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function appliedRows(client: pg.Client): Promise<AppliedRow[]> {
  const result = await client.query<AppliedRow>(`SELECT name, checksum FROM ${TABLE} ORDER BY name`);
  return result.rows;
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query(`INSERT INTO ${TABLE} (name, checksum) VALUES ($1, $2)`, [migration.name, migration.checksum]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`数据库迁移失败 / migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}

export async function applyMigrations(
  databaseUrl: string,
  log: (message: string) => void = () => {},
): Promise<{ applied: string[]; alreadyApplied: number }> {
  const migrations = await readMigrations();
  return withClient(databaseUrl, async (client) => {
    // Serialises concurrent start-ups: the second process waits, then finds nothing to do.
    const locked = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [LOCK_KEY]);
    if (!locked.rows[0]?.ok) {
      log('等待另一进程完成数据库迁移 / waiting for another process to finish migrating');
      await client.query('SELECT pg_advisory_lock($1::bigint)', [LOCK_KEY]);
    }
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${TABLE} (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const applied = await appliedRows(client);
      const pending = pendingOf(migrations, applied);
      for (const migration of pending) {
        log(`应用数据库迁移 / applying migration ${migration.name}`);
        await applyOne(client, migration);
      }
      return { applied: pending.map((migration) => migration.name), alreadyApplied: applied.length };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [LOCK_KEY]);
    }
  });
}

/**
 * Names of the migrations not yet applied, for a readiness probe. Reads only (a probe must
 * not create the table), and throws MigrationError where applyMigrations would refuse.
 */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const migrations = await readMigrations();
  return withClient(databaseUrl, async (client) => {
    const exists = await client.query<{ table: string | null }>('SELECT to_regclass($1)::text AS table', [TABLE]);
    const applied = exists.rows[0]?.table ? await appliedRows(client) : [];
    return pendingOf(migrations, applied).map((migration) => migration.name);
  });
}
