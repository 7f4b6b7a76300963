/**
 * 交通 pre-check: does the project need a traffic impact assessment (交通影响评价)? It does
 * from a floor area that depends on the type (DMN table).
 */
import { z } from 'zod';
import { definePrecheck, finding, formatNumber, type Assessment, type WithFacts } from '../precheck/result.js';

export const TRANSPORT_DECISION = 'transport-impact-assessment';

export const transportRow = z.object({ assessmentRequired: z.boolean() });
export type TransportRow = z.infer<typeof transportRow>;

type Facts = WithFacts<'type' | 'floorAreaM2'>;

export function assessTransport(project: Facts, decided: TransportRow): Assessment {
  const zh = `${project.type}，建筑面积 ${formatNumber(project.floorAreaM2)} m²`;
  const en = `${project.type}, ${formatNumber(project.floorAreaM2)} m²`;
  const found = decided.assessmentRequired
    ? finding('traffic.assessment-required', 'attention', `达到交通影响评价启动标准，须提交交通影响评价报告（${zh}）`, `above the threshold: a traffic impact assessment is required (${en})`)
    : finding('traffic.not-required', 'info', `未达到交通影响评价启动标准（${zh}）`, `below the threshold: no traffic impact assessment (${en})`);
  return { findings: [found], facts: { assessmentRequired: decided.assessmentRequired } };
}

export const transportPrecheck = definePrecheck({
  department: 'transport',
  description: { zh: '交通自动预审：交通影响评价', en: 'Transport pre-check: traffic impact assessment' },
  needs: ['type', 'floorAreaM2'],
  async evaluate(project, { decide }) {
    const decided = await decide(TRANSPORT_DECISION, { type: project.type, floorAreaM2: project.floorAreaM2 }, transportRow);
    return assessTransport(project, decided);
  },
});
