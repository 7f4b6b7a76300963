/**
 * The Prisma client of the API database. The client is generated with engineType "client"
 * (no native query engine can be downloaded here), which requires a driver adapter.
 * Run `npx prisma generate` first: src/generated/ is build output, not checked in.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export function createPrismaClient(databaseUrl: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

export type Database = ReturnType<typeof createPrismaClient>;
