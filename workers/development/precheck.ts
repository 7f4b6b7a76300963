/**
 * 发改 pre-check: which investment procedure the project goes through — approval (审批) of a
 * government-invested project, endorsement (核准) of an enterprise project listed in the
 * catalogue of projects subject to government endorsement, or record filing (备案) of the
 * rest. Which types and sizes need endorsement is in the DMN table, not here.
 */
import { z } from 'zod';
import { definePrecheck, finding, formatNumber, type Assessment, type WithFacts } from '../precheck/result.js';

export const DEVELOPMENT_DECISION = 'development-investment-procedure';

export const developmentRow = z.object({ procedure: z.enum(['approval', 'endorsement', 'filing']) });
export type DevelopmentRow = z.infer<typeof developmentRow>;

type Facts = WithFacts<'governmentInvested' | 'type' | 'investmentWan'>;

export function assessDevelopment(project: Facts, decided: DevelopmentRow): Assessment {
  const amount = formatNumber(project.investmentWan);
  const findings = {
    approval: finding(
      'procedure.approval',
      'attention',
      `政府投资项目（总投资 ${amount} 万元），实行审批制：须审批项目建议书、可行性研究报告`,
      `government-invested project (total investment ${amount} × 10 000 yuan): approval of the project proposal and the feasibility study`,
    ),
    endorsement: finding(
      'procedure.endorsement',
      'attention',
      `企业投资项目列入核准目录（总投资 ${amount} 万元），须提交项目申请报告予以核准`,
      `enterprise project in the endorsement catalogue (total investment ${amount} × 10 000 yuan): the project application report must be endorsed`,
    ),
    filing: finding(
      'procedure.filing',
      'info',
      `企业投资项目（总投资 ${amount} 万元），实行备案管理`,
      `enterprise project (total investment ${amount} × 10 000 yuan): record filing only`,
    ),
  } as const;
  return { findings: [findings[decided.procedure]], facts: { procedure: decided.procedure } };
}

export const developmentPrecheck = definePrecheck({
  department: 'development',
  description: { zh: '发改自动预审：审批、核准或备案', en: 'Development pre-check: approval, endorsement or filing' },
  needs: ['governmentInvested', 'type', 'investmentWan'],
  async evaluate(project, { decide }) {
    const decided = await decide(
      DEVELOPMENT_DECISION,
      { governmentInvested: project.governmentInvested, type: project.type, investmentWan: project.investmentWan },
      developmentRow,
    );
    return assessDevelopment(project, decided);
  },
});
