import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError, pendingMigrations } from '../../src/database/migrate.js';
import { createPrismaClient } from '../../src/database/prisma.js';
import { freshDatabase, testEnvironment } from '../support/environment.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MIGRATION_NAMES = fs
  .readdirSync(path.join(ROOT, 'prisma/migrations'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const created: string[] = [];

/** An empty database (not from the migrated template). */
async function emptyDatabase(): Promise<string> {
  const name = `empty_${randomBytes(6).toString('hex')}`;
  await query(testEnvironment().adminUrl, `CREATE DATABASE ${name}`);
  created.push(name);
  return testEnvironment().adminUrl.replace(/\/postgres$/, `/${name}`);
}

afterAll(async () => {
  for (const name of created) await query(testEnvironment().adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

/** The SQL Prisma itself derives from schema.prisma (the JS schema engine needs a reachable server). */
async function prismaSqlFromEmpty(): Promise<string> {
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-diff-')), 'from-empty.sql');
  try {
    await promisify(execFile)(
      process.execPath,
      [
        'node_modules/prisma/build/index.js',
        'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script', '--output', output,
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: testEnvironment().adminUrl, CHECKPOINT_DISABLE: '1' } },
    );
    return fs.readFileSync(output, 'utf8');
  } finally {
    fs.rmSync(path.dirname(output), { recursive: true, force: true });
  }
}

/**
 * Everything in the public schema that Prisma manages, as sorted text. Columns are keyed by
 * name, not position: a column added by a later migration comes last in the table but not in
 * a from-empty script, and Prisma does not care either. Enum labels are compared as sets for
 * the same reason (ALTER TYPE ... ADD VALUE appends).
 */
async function fingerprint(url: string): Promise<Record<string, string[]>> {
  const skip = 'sunshine_migrations';
  const rows = async (sql: string) => (await query<{ line: string }>(url, sql, [skip])).map((row) => row.line).sort();
  return {
    tables: await rows(`SELECT c.relname || ' ' || c.relkind::text AS line FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname <> $1`),
    columns: await rows(`SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
        || ' default ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-')
        || ' identity ' || a.attidentity::text || ' generated ' || a.attgenerated::text AS line
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> $1`),
    constraints: await rows(`SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS line
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname <> $1`),
    indexes: await rows(`SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1`),
    sequences: await rows(`SELECT sequencename || ' ' || data_type::text AS line FROM pg_sequences
      WHERE schemaname = 'public' AND sequencename <> $1`),
    enums: await rows(`SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumlabel) AS line
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typname <> $1 GROUP BY t.typname`),
  };
}

describe('database migrations', () => {
  it('reproduce schema.prisma exactly', async () => {
    const [migrated, fromPrisma, sql] = await Promise.all([emptyDatabase(), emptyDatabase(), prismaSqlFromEmpty()]);
    const result = await applyMigrations(migrated);
    expect(result).toEqual({ applied: MIGRATION_NAMES, alreadyApplied: 0 });
    await query(fromPrisma, sql);

    const expected = await fingerprint(fromPrisma);
    expect(expected.tables).toContain('audit_entry r');
    // A failure here means schema.prisma changed without a migration (or a migration was
    // hand-edited): write one with `prisma migrate diff --from-migrations`/`--from-schema-datamodel`.
    expect(await fingerprint(migrated)).toEqual(expected);
  });

  it('applies nothing the second time and reports nothing pending', async () => {
    const url = await freshDatabase();
    expect(await applyMigrations(url)).toEqual({ applied: [], alreadyApplied: MIGRATION_NAMES.length });
    expect(await pendingMigrations(url)).toEqual([]);
  });

  it('lists pending migrations of an empty database without creating anything', async () => {
    const url = await emptyDatabase();
    expect(await pendingMigrations(url)).toEqual(MIGRATION_NAMES);
    expect(await query(url, `SELECT to_regclass('sunshine_migrations') AS t`)).toEqual([{ t: null }]);
  });

  it('lets only one of two concurrent starts migrate', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect(results.map((result) => result.applied.length).sort()).toEqual([0, MIGRATION_NAMES.length]);
    expect(await query(url, 'SELECT count(*)::int AS n FROM sunshine_migrations')).toEqual([{ n: MIGRATION_NAMES.length }]);
  });

  it('refuses a migration changed after it was applied', async () => {
    const url = await freshDatabase();
    const name = MIGRATION_NAMES[0]!;
    await query(url, `UPDATE sunshine_migrations SET checksum = 'edited' WHERE name = $1`, [name]);
    const refusal = applyMigrations(url);
    await expect(refusal).rejects.toBeInstanceOf(MigrationError);
    await expect(refusal).rejects.toThrow(`数据库迁移已被修改 / migration ${name} was changed after it was applied`);
    await expect(pendingMigrations(url)).rejects.toBeInstanceOf(MigrationError);
  });

  it('refuses a database with an applied migration that is not on disk', async () => {
    const url = await freshDatabase();
    await query(url, `INSERT INTO sunshine_migrations (name, checksum) VALUES ('29991231000000_from_the_future', 'x')`);
    const refusal = applyMigrations(url);
    await expect(refusal).rejects.toBeInstanceOf(MigrationError);
    await expect(refusal).rejects.toThrow(/29991231000000_from_the_future/);
  });

  it('gives a working Prisma client on the migrated schema', async () => {
    const db = createPrismaClient(await freshDatabase());
    try {
      const details = { 事项: '建设工程规划许可', steps: [1, 2.5, null], nested: { ok: true } };
      const entry = await db.auditEntry.create({ data: { actor: 'clerk-1', action: 'case.accept', subject: 'case/42', details } });
      expect(typeof entry.id).toBe('bigint');
      expect(entry.at).toBeInstanceOf(Date);
      const read = await db.auditEntry.findMany({ where: { subject: 'case/42' }, orderBy: { at: 'asc' } });
      expect(read).toEqual([entry]);
      expect(read[0]!.details).toEqual(details);
      const plain = await db.auditEntry.create({ data: { actor: 'system', action: 'noop', subject: 'case/42' } });
      expect(plain.details).toEqual({});
    } finally {
      await db.$disconnect();
    }
  });
});
