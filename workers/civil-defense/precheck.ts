/**
 * 人防 pre-check: the air-raid shelter a new civil building must include (防空地下室), as a
 * share of its above-ground floor area; where the geology does not allow a basement shelter,
 * the fee paid in lieu (易地建设费) instead. Ratio and fee rate per type come from the DMN
 * table; the arithmetic stays here so both figures are shown with the inputs they came from.
 */
import { z } from 'zod';
import { definePrecheck, finding, formatNumber, missingFact, round2, type Assessment, type Finding, type WithFacts } from '../precheck/result.js';

export const CIVIL_DEFENSE_DECISION = 'civil-defense-shelter-standard';

export const civilDefenseRow = z.object({
  /** Share of the above-ground floor area, e.g. 0.05; 0 when no shelter is required. */
  shelterRatio: z.number().min(0).max(1),
  /** Fee in lieu, yuan per m² of shelter not built. */
  feeRateYuanPerM2: z.number().min(0),
});
export type CivilDefenseRow = z.infer<typeof civilDefenseRow>;

type Facts = WithFacts<'type' | 'aboveGroundAreaM2'>;

export function assessCivilDefense(project: Facts, standard: CivilDefenseRow): Assessment {
  const shelterAreaM2 = round2(project.aboveGroundAreaM2 * standard.shelterRatio);
  const base = { shelterRatio: standard.shelterRatio, shelterAreaM2, feeRateYuanPerM2: standard.feeRateYuanPerM2 };
  const above = formatNumber(project.aboveGroundAreaM2);
  const percent = formatNumber(standard.shelterRatio * 100);
  if (shelterAreaM2 === 0) {
    return {
      findings: [finding('shelter.not-required', 'info', `无需修建防空地下室（${project.type}，地上建筑面积 ${above} m²）`, `no air-raid shelter required (${project.type}, ${above} m² above ground)`)],
      facts: { ...base, feeInLieuYuan: null },
    };
  }
  const required = `应建防空地下室 ${formatNumber(shelterAreaM2)} m²（地上建筑面积 ${above} m² × ${percent}%）`;
  const requiredEn = `required shelter ${formatNumber(shelterAreaM2)} m² (${above} m² above ground × ${percent} %)`;
  // Whether the geology allows a basement only matters once a shelter is required.
  if (project.geologyUnsuitable === undefined) {
    const findings: Finding[] = [finding('shelter.required', 'info', required, requiredEn), missingFact('geologyUnsuitable')];
    return { findings, facts: { ...base, geologyUnsuitable: null, feeInLieuYuan: null } };
  }
  if (!project.geologyUnsuitable) {
    return {
      findings: [finding('shelter.build', 'info', `${required}，须结合主体工程同步修建`, `${requiredEn}, to be built together with the building`)],
      facts: { ...base, geologyUnsuitable: false, feeInLieuYuan: null },
    };
  }
  const feeInLieuYuan = round2(shelterAreaM2 * standard.feeRateYuanPerM2);
  return {
    findings: [
      finding(
        'shelter.fee-in-lieu',
        'attention',
        `地质条件不宜修建，${required}，应缴纳易地建设费 ${formatNumber(feeInLieuYuan)} 元（${formatNumber(standard.feeRateYuanPerM2)} 元/m²），须经易地建设审批`,
        `geology unsuitable: ${requiredEn}; fee in lieu ${formatNumber(feeInLieuYuan)} yuan (${formatNumber(standard.feeRateYuanPerM2)} yuan/m²), subject to approval`,
      ),
    ],
    facts: { ...base, geologyUnsuitable: true, feeInLieuYuan },
  };
}

export const civilDefensePrecheck = definePrecheck({
  department: 'civil-defense',
  description: { zh: '人防自动预审：防空地下室面积与易地建设费', en: 'Civil defence pre-check: shelter area and fee in lieu' },
  needs: ['type', 'aboveGroundAreaM2'],
  async evaluate(project, { decide }) {
    const standard = await decide(CIVIL_DEFENSE_DECISION, { type: project.type, aboveGroundAreaM2: project.aboveGroundAreaM2 }, civilDefenseRow);
    return assessCivilDefense(project, standard);
  },
});
