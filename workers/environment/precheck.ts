/**
 * 生态环境 pre-check: the category of environmental impact assessment the project needs —
 * a report book (报告书), a report form (报告表) or a registration form (登记表) — from its
 * type and size, per the DMN table modelled on the EIA classification directory.
 */
import { z } from 'zod';
import { definePrecheck, finding, formatNumber, type Assessment, type WithFacts } from '../precheck/result.js';

export const ENVIRONMENT_DECISION = 'environment-eia-category';

export const environmentRow = z.object({ category: z.enum(['report-book', 'report-form', 'registration']) });
export type EnvironmentRow = z.infer<typeof environmentRow>;

type Facts = WithFacts<'type' | 'floorAreaM2'>;

export function assessEnvironment(project: Facts, decided: EnvironmentRow): Assessment {
  const size = `${project.type}，${formatNumber(project.floorAreaM2)} m²`;
  const sizeEn = `${project.type}, ${formatNumber(project.floorAreaM2)} m²`;
  // Report book and form are documents the bureau approves; a registration form is only filed.
  const findings = {
    'report-book': finding('eia.report-book', 'attention', `须编制环境影响报告书并报批（${size}），含公众参与`, `an environmental impact report book must be approved (${sizeEn}), with public participation`),
    'report-form': finding('eia.report-form', 'attention', `须编制环境影响报告表并报批（${size}）`, `an environmental impact report form must be approved (${sizeEn})`),
    registration: finding('eia.registration', 'info', `填报环境影响登记表备案即可（${size}）`, `an environmental impact registration form is filed, no approval (${sizeEn})`),
  } as const;
  return { findings: [findings[decided.category]], facts: { eiaCategory: decided.category } };
}

export const environmentPrecheck = definePrecheck({
  department: 'environment',
  description: { zh: '生态环境自动预审：环评类别', en: 'Environment pre-check: EIA category' },
  needs: ['type', 'floorAreaM2'],
  async evaluate(project, { decide }) {
    const decided = await decide(ENVIRONMENT_DECISION, { type: project.type, floorAreaM2: project.floorAreaM2 }, environmentRow);
    return assessEnvironment(project, decided);
  },
});
