/**
 * Prisma CLI configuration. It exists only so the CLI never asks for a native engine,
 * which these machines cannot download (DESIGN.md §4):
 * - `engine: 'js'` replaces the schema-engine binary with the bundled Wasm one (used by
 *   `prisma migrate diff`); without it every command, even `generate`, tries a download.
 * - The Wasm engine reaches the database through this adapter, so `migrate diff` needs a
 *   reachable PostgreSQL in DATABASE_URL even for datamodel-only diffs (it changes nothing).
 * Migrations are applied by src/database/migrate.ts, never by `prisma migrate deploy`.
 */
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

const databaseUrl = process.env.DATABASE_URL;
// Reading the schema fails on an unset env("DATABASE_URL"), and the CLI then falls back
// to downloading the native query engine; `generate` never connects, so any value does.
process.env.DATABASE_URL ??= 'postgresql://unset@127.0.0.1:1/unset';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => {
    if (!databaseUrl) {
      throw new Error('未设置 DATABASE_URL / set DATABASE_URL to a reachable PostgreSQL for this prisma command');
    }
    // The CLI never closes the pool; without this each command lingers 10 s (idle timeout).
    return new PrismaPg({ connectionString: databaseUrl, allowExitOnIdle: true });
  },
});
