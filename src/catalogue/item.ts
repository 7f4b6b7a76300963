/**
 * What a catalogue item (事项 / 办事指南) says: the six disclosures (conditions, fees,
 * procedure, staff, time limit, result) plus what the system needs to run it. One zod
 * schema validates the seed, the admin API and every stored version.
 */
import { z } from 'zod';
import { limitsSchema } from '../deadlines/plan.js';

/** Only formats the browser can show safely inline. */
export const MATERIAL_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

const code = z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, 'must be lower-case letters, digits and "-"');
const bilingual = z.object({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(300) });

export const materialSchema = z.object({
  code,
  name: bilingual,
  /** 必须提交 / must be handed in; optional ones depend on the case */
  mandatory: z.boolean(),
  fileTypes: z.array(z.enum(MATERIAL_TYPES)).min(1),
  maxSizeMb: z.number().positive().max(20).default(5),
  note: z.string().trim().max(500).optional(),
});

export const feeSchema = z.object({
  name: bilingual,
  /** 元; null when the amount depends on the case (then `basis` says how) */
  amountYuan: z.number().min(0).nullable(),
  basis: z.string().trim().min(1).max(500).describe('收费依据 / legal basis of the fee'),
});

export const itemDefinitionSchema = z
  .object({
    code,
    name: bilingual,
    /** 主办部门 / responsible department (code) */
    department: code,
    /** 受理窗口 / window taking applications in */
    window: code.default('window'),
    legalBasis: z.array(z.string().trim().min(1).max(500)).min(1).describe('设定依据 / legal basis'),
    conditions: z.array(z.string().trim().min(1).max(500)).min(1).describe('受理条件 / conditions'),
    materials: z.array(materialSchema).min(1),
    fees: z.array(feeSchema).default([]),
    limits: limitsSchema,
    /** 绿色通道：重点项目的承诺时限 / committed limit for key projects */
    greenChannel: z.object({ committedDays: z.number().int().positive() }).optional(),
    /** 联审联批：并联审查的部门与牵头协调机构 / joint review: departments reviewing in parallel and the coordinating office */
    jointReview: z.object({ coordinator: code, departments: z.array(code).min(2).max(10) }).optional(),
    /** 办理流程（流程标识）/ procedure (process key) */
    processKey: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{1,100}$/, 'must be a process key'),
    resultDocument: z.enum(['licence', 'decision', 'record']).describe('办理结果 / result document'),
  })
  .superRefine((item, ctx) => {
    const seen = new Set<string>();
    item.materials.forEach((material, index) => {
      if (seen.has(material.code)) ctx.addIssue({ code: 'custom', path: ['materials', index, 'code'], message: `材料编码重复 / material ${material.code} is listed twice` });
      seen.add(material.code);
    });
    const committed = item.limits.committedDays ?? item.limits.statutoryDays;
    if (item.greenChannel && item.greenChannel.committedDays > committed) {
      ctx.addIssue({ code: 'custom', path: ['greenChannel', 'committedDays'], message: '绿色通道时限不得长于承诺时限 / the green channel may not be slower than the committed limit' });
    }
  });

export type ItemDefinition = z.output<typeof itemDefinitionSchema>;
export type ItemInput = z.input<typeof itemDefinitionSchema>;
