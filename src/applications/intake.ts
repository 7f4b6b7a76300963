/**
 * One-window intake (统一受理): an application for a catalogue item, with its material
 * files, becomes a case. The item's current version is checked (materials, types, sizes,
 * green channel), its limits become the case's deadlines, and the case keeps that version.
 * Window staff then accept it, send the one-time notice of missing items or refuse it in
 * the procedure's first task (inbox).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../audit/record.js';
import type { CalendarService } from '../calendar/service.js';
import { MATERIAL_TYPES, type ItemDefinition } from '../catalogue/item.js';
import type { CatalogueService } from '../catalogue/service.js';
import type { Database } from '../database/prisma.js';
import { planDeadlines, planVariables, type Limits } from '../deadlines/plan.js';
import type { EngineClient } from '../engine/client.js';
import { ApiError } from '../http/api-error.js';
import { storeMaterials, type IncomingFile } from './file-store.js';
import { projectSchema } from './project.js';

export const uploadSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, 'must be a material code such as id-card').describe('材料编码 / material code'),
  fileName: z.string().trim().min(1).max(200),
  contentType: z.enum(MATERIAL_TYPES),
  contentBase64: z.base64().describe('文件内容（Base64）/ file content, base64'),
});

export const applicationSchema = z.object({
  itemCode: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, 'must be a catalogue item code').describe('事项编码 / catalogue item code'),
  applicant: z.string().trim().min(1).max(200).describe('申请人 / applicant'),
  project: projectSchema.describe('项目信息 / project facts'),
  greenChannel: z.boolean().default(false).describe('绿色通道（重点项目）/ green channel for key projects'),
  materials: z.array(uploadSchema).min(1).max(50).describe('申请材料 / materials'),
});

export type Application = z.output<typeof applicationSchema>;
export type Upload = z.output<typeof uploadSchema>;

export interface IntakeDependencies {
  engine: EngineClient;
  database: Database;
  calendars: CalendarService;
  catalogue: CatalogueService;
}

const invalid = (details: { field: string; rule: string; message: string }[]) =>
  new ApiError(400, 'VALIDATION_FAILED', `申请材料有误：${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, 'the materials do not meet the service guide', details);

/** Checks uploads against the item's material list: known code, accepted type, size. */
export function checkUploads(item: ItemDefinition, uploads: Upload[], field = 'materials'): IncomingFile[] {
  const details: { field: string; rule: string; message: string }[] = [];
  const files = uploads.map((upload, index) => {
    const spec = item.materials.find((material) => material.code === upload.code);
    const content = Buffer.from(upload.contentBase64, 'base64');
    if (!spec) {
      details.push({ field: `${field}.${index}.code`, rule: 'known_material', message: `事项不要求材料 ${upload.code} / the item lists no material ${upload.code}` });
    } else {
      if (!(spec.fileTypes as string[]).includes(upload.contentType)) {
        details.push({ field: `${field}.${index}.contentType`, rule: 'file_type', message: `${spec.name.zh}只接受 ${spec.fileTypes.join('、')} / ${spec.name.en} accepts ${spec.fileTypes.join(', ')}` });
      }
      if (content.length > spec.maxSizeMb * 1024 * 1024) {
        details.push({ field: `${field}.${index}.contentBase64`, rule: 'max_size', message: `${spec.name.zh}不得超过 ${spec.maxSizeMb} MB / ${spec.name.en} may not exceed ${spec.maxSizeMb} MB` });
      }
    }
    if (content.length === 0) details.push({ field: `${field}.${index}.contentBase64`, rule: 'not_empty', message: '文件为空 / the file is empty' });
    return { code: upload.code, fileName: upload.fileName, contentType: upload.contentType, content };
  });
  if (details.length > 0) throw invalid(details);
  return files;
}

function requireMandatory(item: ItemDefinition, files: IncomingFile[]): void {
  const missing = item.materials.filter((material) => material.mandatory && !files.some((file) => file.code === material.code));
  if (missing.length > 0) {
    throw new ApiError(
      400,
      'MATERIALS_MISSING',
      `缺少必交材料：${missing.map((material) => material.name.zh).join('、')}`,
      `mandatory materials missing: ${missing.map((material) => material.name.en).join(', ')}`,
      missing.map((material) => ({ field: 'materials', rule: 'mandatory', message: `${material.code}: ${material.name.zh} / ${material.name.en}` })),
    );
  }
}

/** The limits a case runs under: the green channel replaces the committed limit. */
export function caseLimits(item: ItemDefinition, greenChannel: boolean): Limits {
  return greenChannel && item.greenChannel ? { ...item.limits, committedDays: item.greenChannel.committedDays } : item.limits;
}

export function newBusinessKey(prefix: string, at = new Date()): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `${prefix}-${day}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

/** Variables the approval procedures read (processes/approval/, README "Procedures"). */
export function itemVariables(item: ItemDefinition, version: number): Record<string, unknown> {
  return {
    itemCode: item.code,
    itemVersion: version,
    itemName: item.name.zh,
    department: item.department,
    headGroup: `${item.department}-head`,
    window: item.window,
    extensionDays: item.limits.extensionDays ?? 0,
    extensionAvailable: (item.limits.extensionDays ?? 0) > 0,
    extended: false,
    ...(item.jointReview
      ? { coordinator: item.jointReview.coordinator, coordinatorHeadGroup: `${item.jointReview.coordinator}-head`, reviewDepartments: item.jointReview.departments, roundDepartments: item.jointReview.departments }
      : {}),
  };
}

export interface OpenCase {
  processKey: string;
  businessKey: string;
  applicant: string;
  project: object;
  greenChannel: boolean;
  variables: Record<string, unknown>;
  files: IncomingFile[];
  catalogue?: { code: string; version: number };
  actor: { userId: string; department?: string };
  intakeDepartment: string | null;
}

/**
 * Starts the procedure, then writes the case record and its files in one transaction.
 * A case never exists without its record: if the write fails the instance is deleted.
 */
export async function openCase({ engine, database }: Pick<IntakeDependencies, 'engine' | 'database'>, open: OpenCase): Promise<string> {
  // clockStopped: the clock-stop service flips it; the inbox's status filters read it.
  const instance = await engine.startProcess(open.processKey, { businessKey: open.businessKey, variables: { clockStopped: false, ...open.variables } });
  try {
    await database.$transaction(async (tx) => {
      await tx.caseRecord.create({
        data: {
          caseId: instance.id,
          businessKey: open.businessKey,
          processKey: open.processKey,
          applicant: open.applicant,
          project: open.project,
          greenChannel: open.greenChannel,
          intakeDepartment: open.intakeDepartment,
          createdBy: open.actor.userId,
          catalogueCode: open.catalogue?.code ?? null,
          catalogueVersion: open.catalogue?.version ?? null,
        },
      });
      await storeMaterials(tx, instance.id, open.files, open.actor.userId);
    });
  } catch (error) {
    await engine.deleteProcessInstance(instance.id, 'intake failed').catch(() => {});
    throw error;
  }
  await recordAudit(database, { actor: open.actor.userId, action: 'case.intake', subject: instance.id, details: { businessKey: open.businessKey, processKey: open.processKey, catalogue: open.catalogue ?? null, materials: open.files.map((file) => file.code) } });
  return instance.id;
}

export async function submitApplication(deps: IntakeDependencies, application: Application, actor: { userId: string; department?: string; roles: string[] }) {
  const entry = await deps.catalogue.get(application.itemCode).catch((error: unknown) => {
    if (error instanceof ApiError && error.statusCode === 404) {
      throw new ApiError(404, 'ITEM_UNKNOWN', `事项 ${application.itemCode} 不存在`, `no catalogue item ${application.itemCode}`, [{ field: 'itemCode', rule: 'known_item', message: application.itemCode }]);
    }
    throw error;
  });
  if (!entry.active) throw new ApiError(409, 'ITEM_WITHDRAWN', `事项 ${application.itemCode} 已停止受理`, `item ${application.itemCode} no longer takes applications`);
  const item = entry.definition;
  if (application.greenChannel && !item.greenChannel) {
    throw new ApiError(400, 'VALIDATION_FAILED', `事项“${item.name.zh}”未设绿色通道`, `item ${item.code} has no green channel`, [{ field: 'greenChannel', rule: 'item_has_green_channel', message: 'not offered by this item' }]);
  }
  const files = checkUploads(item, application.materials);
  requireMandatory(item, files);

  const plan = planDeadlines(await deps.calendars.calendar(), caseLimits(item, application.greenChannel), new Date());
  const businessKey = newBusinessKey('SP');
  const caseId = await openCase(deps, {
    processKey: item.processKey,
    businessKey,
    applicant: application.applicant,
    project: application.project,
    greenChannel: application.greenChannel,
    variables: {
      applicant: application.applicant,
      project: application.project,
      greenChannel: application.greenChannel,
      materials: [...new Set(files.map((file) => file.code))],
      ...itemVariables(item, entry.version),
      ...planVariables(plan),
    },
    files,
    catalogue: { code: item.code, version: entry.version },
    actor,
    // Online applications (外网申报) land at the item's window; the window takes them in.
    intakeDepartment: actor.roles.includes('clerk') ? (actor.department ?? item.window) : item.window,
  });
  return { caseId, businessKey, itemCode: item.code, catalogueVersion: entry.version, deadline: plan.deadline, yellowAt: plan.yellowAt };
}
