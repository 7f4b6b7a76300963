/**
 * 水务 pre-check: the soil and water conservation plan (水土保持方案) the project must submit —
 * a report book, a report form, or none — by land occupied and earthwork (DMN table).
 */
import { z } from 'zod';
import { definePrecheck, finding, formatNumber, type Assessment, type WithFacts } from '../precheck/result.js';

export const WATER_DECISION = 'water-soil-conservation-plan';

export const waterRow = z.object({ plan: z.enum(['report-book', 'report-form', 'none']) });
export type WaterRow = z.infer<typeof waterRow>;

type Facts = WithFacts<'landAreaM2' | 'earthworkM3'>;

export function assessWater(project: Facts, decided: WaterRow): Assessment {
  const zh = `用地 ${formatNumber(project.landAreaM2)} m²，土石方 ${formatNumber(project.earthworkM3)} m³`;
  const en = `land ${formatNumber(project.landAreaM2)} m², earthwork ${formatNumber(project.earthworkM3)} m³`;
  const findings = {
    'report-book': finding('soil.report-book', 'attention', `须编报水土保持方案报告书并报批（${zh}）`, `a soil and water conservation plan (report book) must be approved (${en})`),
    'report-form': finding('soil.report-form', 'attention', `须编报水土保持方案报告表并报批（${zh}）`, `a soil and water conservation plan (report form) must be approved (${en})`),
    // Below both thresholds no plan is filed, but the duty to prevent soil loss remains.
    none: finding('soil.none', 'info', `无需编报水土保持方案，仍应落实水土流失防治措施（${zh}）`, `no conservation plan required; soil-loss prevention still applies (${en})`),
  } as const;
  return { findings: [findings[decided.plan]], facts: { conservationPlan: decided.plan } };
}

export const waterPrecheck = definePrecheck({
  department: 'water',
  description: { zh: '水务自动预审：水土保持方案', en: 'Water pre-check: soil and water conservation plan' },
  needs: ['landAreaM2', 'earthworkM3'],
  async evaluate(project, { decide }) {
    const decided = await decide(WATER_DECISION, { landAreaM2: project.landAreaM2, earthworkM3: project.earthworkM3 }, waterRow);
    return assessWater(project, decided);
  },
});
