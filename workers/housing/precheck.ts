/**
 * 住建 pre-check for the construction permit: a contractor has been chosen, and where the
 * law requires a tender (the DMN table says when), it was chosen by one — the award
 * notice's number is given.
 *
 * TODO(e-tendering): once the e-tendering issue lands, look the award number up in the
 * tendering results (project, winning bidder = contractor) instead of trusting its presence.
 */
import { z } from 'zod';
import { definePrecheck, finding, formatNumber, type Assessment, type WithFacts } from '../precheck/result.js';

export const HOUSING_DECISION = 'housing-tender-required';

export const housingRow = z.object({ tenderRequired: z.boolean() });
export type HousingRow = z.infer<typeof housingRow>;

type Facts = WithFacts<'contractor' | 'governmentInvested' | 'investmentWan'>;

export function assessHousing(project: Facts, decided: HousingRow): Assessment {
  const { contractor } = project;
  const why = project.governmentInvested
    ? { zh: '政府投资项目', en: 'a government-invested project' }
    : { zh: `总投资 ${formatNumber(project.investmentWan)} 万元`, en: `total investment ${formatNumber(project.investmentWan)} × 10 000 yuan` };
  const facts = { contractor: contractor.name, awardNumber: contractor.awardNumber ?? null, tenderRequired: decided.tenderRequired };
  if (!decided.tenderRequired) {
    return {
      findings: [finding('contractor.no-tender-required', 'info', `${why.zh}，依法可不招标；施工单位：${contractor.name}`, `${why.en}: no tender required by law; contractor: ${contractor.name}`)],
      facts,
    };
  }
  if (!contractor.awardNumber) {
    return {
      findings: [
        finding(
          'contractor.award-missing',
          'correction',
          `${why.zh}，依法必须招标：请提供施工单位 ${contractor.name} 的中标通知书编号`,
          `${why.en} must be tendered by law: give the award notice number for contractor ${contractor.name}`,
        ),
      ],
      facts,
    };
  }
  return {
    findings: [
      finding(
        'contractor.tendered',
        'info',
        `${why.zh}，依法必须招标；施工单位 ${contractor.name}，中标通知书 ${contractor.awardNumber}`,
        `${why.en} must be tendered by law; contractor ${contractor.name}, award notice ${contractor.awardNumber}`,
      ),
    ],
    facts,
  };
}

export const housingPrecheck = definePrecheck({
  department: 'housing',
  description: { zh: '住建自动预审：施工单位与招标', en: 'Housing pre-check: contractor and tender' },
  needs: ['contractor', 'governmentInvested', 'investmentWan'],
  async evaluate(project, { decide }) {
    const decided = await decide(HOUSING_DECISION, { governmentInvested: project.governmentInvested, investmentWan: project.investmentWan }, housingRow);
    return assessHousing(project, decided);
  },
});
