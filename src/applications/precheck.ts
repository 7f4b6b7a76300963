/**
 * The answer of a department's automated pre-check (自动预审结果), one shape for all: the
 * workers (workers/precheck/) write it, the diagram keeps it with the department's review,
 * and the API shows it to the reviewer with the task.
 */
import { z } from 'zod';

export const FINDING_LEVELS = ['info', 'attention', 'correction'] as const;
export const PRECHECK_OUTCOMES = ['pass', 'attention', 'correction'] as const;

export const findingSchema = z.object({
  /** Stable within a department, e.g. `missing.heightM`, `eia.report-form`. */
  code: z.string().min(1),
  level: z.enum(FINDING_LEVELS),
  zh: z.string().min(1),
  en: z.string().min(1),
});

export const factValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const precheckResultSchema = z.object({
  department: z.string().min(1),
  outcome: z.enum(PRECHECK_OUTCOMES),
  findings: z.array(findingSchema),
  /** What the rule reasoned from and concluded; null marks a fact the applicant did not give. */
  facts: z.record(z.string(), factValueSchema),
  /** DMN decision keys consulted, so a reviewer can open the table that decided. */
  decisions: z.array(z.string()),
});

