/**
 * Automated pre-checks (自动预审) of the departments in the parallel construction approval.
 * Every department answers in the same shape (`precheck`), so the diagram, the reviewer's
 * case file and the supervision office read one format; and every department is built by
 * `definePrecheck`, so a department file holds only its rule.
 *
 * Thresholds live in DMN decision tables (processes/approval/rules/) that designers edit
 * without code changes; this module evaluates them through the engine. The shipped
 * thresholds are illustrative, modelled on common Chinese rules (docs/department-rules.md).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { projectSchema, type Project } from '../../src/applications/project.js';
import { ZONE } from '../../src/calendar/day.js';
import type { EngineClient } from '../../src/engine/client.js';
import { defineTopic, need, type TopicDefinition } from '../runtime/topic.js';

import { FINDING_LEVELS, PRECHECK_OUTCOMES, factValueSchema, findingSchema, precheckResultSchema } from '../../src/applications/precheck.js';

export { FINDING_LEVELS, PRECHECK_OUTCOMES, factValueSchema, findingSchema, precheckResultSchema };

export type FindingLevel = (typeof FINDING_LEVELS)[number];
export type PrecheckOutcome = (typeof PRECHECK_OUTCOMES)[number];
export type Finding = z.infer<typeof findingSchema>;
export type FactValue = z.infer<typeof factValueSchema>;
export type PrecheckResult = z.infer<typeof precheckResultSchema>;

/** What a department's pure rule concludes. */
export interface Assessment {
  findings: Finding[];
  facts?: Record<string, FactValue>;
}

export function finding(code: string, level: FindingLevel, zh: string, en: string): Finding {
  return { code, level, zh, en };
}

/**
 * The worst finding decides: one correction is enough to send the case back to the
 * applicant, and a pre-check with nothing to flag passes.
 */
export function outcomeOf(findings: readonly Finding[]): PrecheckOutcome {
  if (findings.some((item) => item.level === 'correction')) return 'correction';
  if (findings.some((item) => item.level === 'attention')) return 'attention';
  return 'pass';
}

/** How the finding texts name each project fact; `satisfies` keeps it complete when the schema grows. */
export const FACT_LABELS = {
  name: { zh: '项目名称', en: 'project name' },
  address: { zh: '项目地址', en: 'project address' },
  type: { zh: '项目类型', en: 'project type' },
  investmentWan: { zh: '总投资（万元）', en: 'total investment (10 000 yuan)' },
  governmentInvested: { zh: '是否政府投资', en: 'whether the government invests' },
  landAreaM2: { zh: '用地面积（平方米）', en: 'land area (m²)' },
  floorAreaM2: { zh: '总建筑面积（平方米）', en: 'total floor area (m²)' },
  aboveGroundAreaM2: { zh: '地上建筑面积（平方米）', en: 'floor area above ground (m²)' },
  heightM: { zh: '建筑高度（米）', en: 'building height (m)' },
  crowdedPlace: { zh: '是否人员密集场所', en: 'whether it is a crowded place' },
  earthworkM3: { zh: '挖填土石方总量（立方米）', en: 'earthwork, cut and fill (m³)' },
  geologyUnsuitable: { zh: '地质条件是否不宜修建防空地下室', en: 'whether the geology is unsuitable for a basement shelter' },
  parcel: { zh: '地块（编号与用地性质）', en: 'parcel (code and land-use class)' },
  landUseRight: { zh: '土地使用权证', en: 'land-use right certificate' },
  contractor: { zh: '施工单位', en: 'contractor' },
} as const satisfies Record<keyof Project, { zh: string; en: string }>;

/**
 * A missing fact is the applicant's to supply, not a failure of the worker: the department's
 * staff ask for it (补正), so it is a correction finding naming the fact.
 */
export function missingFact(name: keyof Project): Finding {
  const label = FACT_LABELS[name];
  return finding(`missing.${name}`, 'correction', `缺少项目信息：${label.zh}，请申请人补正`, `missing project fact: ${label.en}; ask the applicant to supply it`);
}

/** Numbers in finding texts: digits grouped, at most two decimals (areas, yuan). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

/** Rounds to hundredths: square metres to the hundredth, yuan to the fen. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The project with the facts a rule needs known to be present. */
export type WithFacts<K extends keyof Project> = Project & { [P in K]-?: NonNullable<Project[P]> };

/** Variables a decision table reads: plain values flattened from the project. */
export type DecisionVariables = Record<string, string | number | boolean>;

/**
 * Evaluates a DMN decision and returns its (first) matched row, checked against `row`.
 * No matching row, or a row without the expected outputs, means the table was changed in a
 * way this worker cannot use: that is a configuration error for an operator, not a finding
 * for the applicant, so it throws (the runtime retries, then raises an incident).
 */
export async function decideOne<S extends z.ZodType>(
  engine: Pick<EngineClient, 'evaluateDecision'>,
  key: string,
  variables: DecisionVariables,
  row: S,
): Promise<z.infer<S>> {
  const rows = await engine.evaluateDecision(key, variables);
  if (rows.length === 0) {
    throw new Error(`决策表 ${key} 没有匹配的规则，请补充规则 / decision table ${key} matched no rule for ${JSON.stringify(variables)}; add a rule (or a catch-all) to it`);
  }
  const parsed = row.safeParse(rows[0]);
  if (!parsed.success) {
    throw new Error(`决策表 ${key} 的输出不符合预期 / decision table ${key} returned unexpected outputs ${JSON.stringify(rows[0])}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export interface PrecheckTools {
  /** Evaluates a DMN decision through the engine and records its key in `decisions`. */
  decide<S extends z.ZodType>(key: string, variables: DecisionVariables, row: S): Promise<z.infer<S>>;
  /** Today in Asia/Shanghai as YYYY-MM-DD: validity dates are civil dates of the Chinese authority. */
  today: string;
}

export interface PrecheckDefinition<K extends keyof Project> {
  department: string;
  description: { zh: string; en: string };
  /**
   * Facts the rule cannot decide without. Missing ones become correction findings, all of
   * them at once (一次性告知), and the rule is not run.
   */
  needs: readonly K[];
  evaluate(project: WithFacts<K>, tools: PrecheckTools): Promise<Assessment>;
}

export const precheckInput = z.object({ project: projectSchema });
/** Always `precheck`: the diagram keeps it local to the department's branch. */
export const precheckOutput = z.object({ precheck: precheckResultSchema });

export type PrecheckTopic = TopicDefinition<typeof precheckInput, typeof precheckOutput>;

export function shanghaiToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(ZONE).toISODate()!;
}

/** Turns a department's rule into the external-task topic `<department>.precheck`. */
export function definePrecheck<K extends keyof Project>(definition: PrecheckDefinition<K>): PrecheckTopic {
  return defineTopic({
    topic: `${definition.department}.precheck`,
    department: definition.department,
    description: definition.description,
    input: precheckInput,
    output: precheckOutput,
    lockDurationMs: 30_000,
    retry: { retries: 3, initialTimeoutMs: 5_000, maxTimeoutMs: 120_000 },
    async handler({ project }, context) {
      const decisions: string[] = [];
      const tools: PrecheckTools = {
        today: shanghaiToday(),
        decide: async (key, variables, row) => {
          if (!decisions.includes(key)) decisions.push(key);
          return decideOne(need(context.services, 'engine'), key, variables, row);
        },
      };
      const missing = definition.needs.filter((name) => project[name] === undefined);
      const assessment: Assessment =
        missing.length > 0 ? { findings: missing.map(missingFact) } : await definition.evaluate(project as WithFacts<K>, tools);
      const precheck: PrecheckResult = {
        department: definition.department,
        outcome: outcomeOf(assessment.findings),
        findings: assessment.findings,
        facts: { ...givenFacts(project, definition.needs), ...assessment.facts },
        decisions,
      };
      context.log.info({ department: precheck.department, outcome: precheck.outcome, findings: precheck.findings.map((item) => item.code) }, '自动预审完成 / pre-check done');
      return { precheck };
    },
  });
}

/** The plain facts a rule needed, as given (null when missing); structured facts are reported by the rule itself. */
function givenFacts(project: Project, names: readonly (keyof Project)[]): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  for (const name of names) {
    const value = project[name];
    if (value === undefined) facts[name] = null;
    else if (typeof value !== 'object') facts[name] = value;
  }
  return facts;
}
