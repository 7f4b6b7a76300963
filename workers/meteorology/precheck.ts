/**
 * 气象 pre-check: must the lightning protection design be reviewed by the meteorological
 * bureau (雷电防护装置设计审核)? Tall buildings and crowded places (DMN table).
 */
import { z } from 'zod';
import { definePrecheck, finding, formatNumber, type Assessment, type WithFacts } from '../precheck/result.js';

export const METEOROLOGY_DECISION = 'meteorology-lightning-review';

export const meteorologyRow = z.object({ designReview: z.boolean() });
export type MeteorologyRow = z.infer<typeof meteorologyRow>;

type Facts = WithFacts<'heightM' | 'crowdedPlace'>;

export function assessMeteorology(project: Facts, decided: MeteorologyRow): Assessment {
  const zh = `高 ${formatNumber(project.heightM)} 米${project.crowdedPlace ? '，人员密集场所' : ''}`;
  const en = `${formatNumber(project.heightM)} m high${project.crowdedPlace ? ', crowded place' : ''}`;
  const found = decided.designReview
    ? finding('lightning.design-review', 'attention', `须申请雷电防护装置设计审核（${zh}）`, `the lightning protection design must be reviewed (${en})`)
    : finding('lightning.not-required', 'info', `无需气象部门设计审核，按标准设置雷电防护装置（${zh}）`, `no review by the bureau; lightning protection per the standard (${en})`);
  return { findings: [found], facts: { designReview: decided.designReview } };
}

export const meteorologyPrecheck = definePrecheck({
  department: 'meteorology',
  description: { zh: '气象自动预审：雷电防护装置设计审核', en: 'Meteorology pre-check: lightning protection design review' },
  needs: ['heightM', 'crowdedPlace'],
  async evaluate(project, { decide }) {
    const decided = await decide(METEOROLOGY_DECISION, { heightM: project.heightM, crowdedPlace: project.crowdedPlace }, meteorologyRow);
    return assessMeteorology(project, decided);
  },
});
