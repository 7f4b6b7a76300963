/** The lint context on the server: registered worker topics and the database's active departments. */
import { TOPICS } from '../../../workers/registry.js';
import type { Database } from '../../database/prisma.js';
import type { LintContext } from './config.js';

export function registeredTopics(): string[] {
  return [...new Set(TOPICS.map((definition) => definition.topic))].sort();
}

export async function departmentCodes(database: Pick<Database, 'department'>): Promise<string[]> {
  const rows = await database.department.findMany({ where: { active: true }, select: { code: true }, orderBy: { code: 'asc' } });
  return rows.map((row) => row.code);
}

export async function lintContext(database: Pick<Database, 'department'>): Promise<{ topics: string[]; departments: string[] } & LintContext> {
  return { topics: registeredTopics(), departments: await departmentCodes(database) };
}
