/**
 * 规划 pre-check: is the project type compatible with the land-use class the plan gives the
 * parcel? The compatibility matrix is a DMN table so planners can revise it.
 */
import { z } from 'zod';
import { definePrecheck, finding, type Assessment, type WithFacts } from '../precheck/result.js';

export const PLANNING_DECISION = 'planning-zoning-compatibility';

export const planningRow = z.object({ compatibility: z.enum(['permitted', 'conditional', 'prohibited']) });
export type PlanningRow = z.infer<typeof planningRow>;

type Facts = WithFacts<'parcel' | 'type'>;

export function assessPlanning(project: Facts, decided: PlanningRow): Assessment {
  const use = project.parcel.landUse;
  const type = project.type;
  const findings = {
    permitted: finding('zoning.permitted', 'info', `用地性质 ${use} 允许建设 ${type} 类项目`, `land-use class ${use} permits a ${type} project`),
    conditional: finding(
      'zoning.conditional',
      'attention',
      `用地性质 ${use} 有条件允许 ${type} 类项目：须核对规划条件（配套比例、兼容用途）`,
      `land-use class ${use} permits a ${type} project only on conditions: check the planning conditions (share of ancillary use, compatible uses)`,
    ),
    prohibited: finding(
      'zoning.prohibited',
      'correction',
      `用地性质 ${use} 不允许建设 ${type} 类项目，须调整项目或依法调整规划`,
      `land-use class ${use} does not permit a ${type} project; the project, or lawfully the plan, must change`,
    ),
  } as const;
  return { findings: [findings[decided.compatibility]], facts: { parcelCode: project.parcel.code, landUse: use, compatibility: decided.compatibility } };
}

export const planningPrecheck = definePrecheck({
  department: 'planning',
  description: { zh: '规划自动预审：用地性质兼容性', en: 'Planning pre-check: zoning compatibility' },
  needs: ['parcel', 'type'],
  async evaluate(project, { decide }) {
    const decided = await decide(PLANNING_DECISION, { landUse: project.parcel.landUse, type: project.type }, planningRow);
    return assessPlanning(project, decided);
  },
});
