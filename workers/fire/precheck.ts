/**
 * 消防 pre-check: is the project a special construction project whose fire-safety design
 * the fire authority must review (消防设计审查), or an ordinary one that is only filed and
 * spot-checked (备案抽查)? Height, floor area, crowded place and use decide, in the DMN table.
 */
import { z } from 'zod';
import { definePrecheck, finding, formatNumber, type Assessment, type WithFacts } from '../precheck/result.js';

export const FIRE_DECISION = 'fire-design-review';

export const fireRow = z.object({ procedure: z.enum(['design-review', 'filing']) });
export type FireRow = z.infer<typeof fireRow>;

type Facts = WithFacts<'type' | 'heightM' | 'floorAreaM2' | 'crowdedPlace'>;

export function assessFire(project: Facts, decided: FireRow): Assessment {
  const zh = `${project.type}，高 ${formatNumber(project.heightM)} 米，建筑面积 ${formatNumber(project.floorAreaM2)} m²${project.crowdedPlace ? '，人员密集场所' : ''}`;
  const en = `${project.type}, ${formatNumber(project.heightM)} m high, ${formatNumber(project.floorAreaM2)} m²${project.crowdedPlace ? ', crowded place' : ''}`;
  const findings = {
    'design-review': finding('fire.design-review', 'attention', `属于特殊建设工程，须申请消防设计审查（${zh}）`, `special construction project: the fire-safety design must be reviewed (${en})`),
    filing: finding('fire.filing', 'info', `属于其他建设工程，消防设计备案并接受抽查（${zh}）`, `ordinary construction project: the fire-safety design is filed and spot-checked (${en})`),
  } as const;
  return { findings: [findings[decided.procedure]], facts: { fireProcedure: decided.procedure } };
}

export const firePrecheck = definePrecheck({
  department: 'fire',
  description: { zh: '消防自动预审：设计审查或备案', en: 'Fire pre-check: design review or filing' },
  needs: ['type', 'heightM', 'floorAreaM2', 'crowdedPlace'],
  async evaluate(project, { decide }) {
    const decided = await decide(
      FIRE_DECISION,
      { type: project.type, heightM: project.heightM, floorAreaM2: project.floorAreaM2, crowdedPlace: project.crowdedPlace },
      fireRow,
    );
    return assessFire(project, decided);
  },
});
