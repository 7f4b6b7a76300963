/**
 * The catalogue (事项库): items are created and revised by administrators; each revision
 * is a new version, so a case keeps the rules it started under.
 */
import { isDeepStrictEqual } from 'node:util';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../database/prisma.js';
import { ApiError } from '../http/api-error.js';
import { itemDefinitionSchema, type ItemDefinition, type ItemInput } from './item.js';

export interface CatalogueEntry {
  code: string;
  version: number;
  currentVersion: number;
  active: boolean;
  versions: { version: number; createdAt: string; createdBy: string; changeNote: string }[];
  definition: ItemDefinition;
}

export class CatalogueService {
  constructor(private readonly database: Database) {}

  private async requireDepartments(definition: ItemDefinition): Promise<void> {
    for (const code of new Set([definition.department, definition.window, ...(definition.jointReview ? [definition.jointReview.coordinator, ...definition.jointReview.departments] : [])])) {
      if (!(await this.database.department.findUnique({ where: { code } }))) {
        throw new ApiError(400, 'DEPARTMENT_UNKNOWN', `部门 ${code} 不存在`, `no department ${code}`, { department: code });
      }
    }
  }

  /** Names of every department, for the published guides (codes mean nothing to citizens). */
  async departmentNames(): Promise<Record<string, { zh: string; en: string }>> {
    const departments = await this.database.department.findMany({ select: { code: true, nameZh: true, nameEn: true } });
    return Object.fromEntries(departments.map((department) => [department.code, { zh: department.nameZh, en: department.nameEn }]));
  }

  async list(options: { includeInactive?: boolean } = {}): Promise<CatalogueEntry[]> {
    const items = await this.database.catalogueItem.findMany({
      where: options.includeInactive ? {} : { active: true },
      include: { versions: { orderBy: { version: 'asc' } } },
      orderBy: { code: 'asc' },
    });
    return items.map((item) => this.entry(item, item.currentVersion));
  }

  /** An item as of `version` (default: the current one). */
  async get(code: string, version?: number): Promise<CatalogueEntry> {
    const item = await this.database.catalogueItem.findUnique({ where: { code }, include: { versions: { orderBy: { version: 'asc' } } } });
    if (!item) throw new ApiError(404, 'NOT_FOUND', `事项 ${code} 不存在`, `no catalogue item ${code}`);
    return this.entry(item, version ?? item.currentVersion);
  }

  async create(input: ItemInput, actor: string): Promise<CatalogueEntry> {
    const definition = itemDefinitionSchema.parse(input);
    if (await this.database.catalogueItem.findUnique({ where: { code: definition.code } })) {
      throw new ApiError(409, 'ITEM_EXISTS', `事项编码 ${definition.code} 已存在`, `catalogue item ${definition.code} exists`);
    }
    await this.requireDepartments(definition);
    await this.database.catalogueItem.create({
      data: {
        code: definition.code,
        currentVersion: 1,
        versions: { create: { version: 1, definition: definition as object, departmentCode: definition.department, processKey: definition.processKey, createdBy: actor, changeNote: '初版 / first version' } },
      },
    });
    await recordAudit(this.database, { actor, action: 'catalogue.item.create', subject: `catalogue:${definition.code}` });
    return this.get(definition.code);
  }

  /** Stores a new version; running cases keep the one they started with. */
  async revise(code: string, input: ItemInput, changeNote: string, actor: string): Promise<CatalogueEntry> {
    const definition = itemDefinitionSchema.parse(input);
    if (definition.code !== code) throw new ApiError(400, 'CODE_MISMATCH', '事项编码不可修改', `the item code cannot change (${code} → ${definition.code})`);
    const current = await this.get(code);
    if (isDeepStrictEqual(current.definition, definition)) throw new ApiError(409, 'NO_CHANGE', '内容未变化，未产生新版本', 'nothing changed; no new version');
    await this.requireDepartments(definition);
    const version = current.currentVersion + 1;
    await this.database.$transaction([
      this.database.catalogueItemVersion.create({
        data: { itemCode: code, version, definition: definition as object, departmentCode: definition.department, processKey: definition.processKey, createdBy: actor, changeNote },
      }),
      this.database.catalogueItem.update({ where: { code }, data: { currentVersion: version } }),
    ]);
    await recordAudit(this.database, { actor, action: 'catalogue.item.revise', subject: `catalogue:${code}`, details: { version, changeNote } });
    return this.get(code);
  }

  async setActive(code: string, active: boolean, actor: string): Promise<CatalogueEntry> {
    await this.get(code);
    await this.database.catalogueItem.update({ where: { code }, data: { active } });
    await recordAudit(this.database, { actor, action: active ? 'catalogue.item.activate' : 'catalogue.item.deactivate', subject: `catalogue:${code}` });
    return this.get(code);
  }

  private entry(
    item: { code: string; currentVersion: number; active: boolean; versions: { version: number; definition: unknown; createdAt: Date; createdBy: string; changeNote: string }[] },
    version: number,
  ): CatalogueEntry {
    const chosen = item.versions.find((candidate) => candidate.version === version);
    if (!chosen) throw new ApiError(404, 'NOT_FOUND', `事项 ${item.code} 没有第 ${version} 版`, `catalogue item ${item.code} has no version ${version}`);
    return {
      code: item.code,
      version,
      currentVersion: item.currentVersion,
      active: item.active,
      versions: item.versions.map((candidate) => ({ version: candidate.version, createdAt: candidate.createdAt.toISOString(), createdBy: candidate.createdBy, changeNote: candidate.changeNote })),
      definition: itemDefinitionSchema.parse(chosen.definition),
    };
  }
}
