/**
 * 自然资源（土地）pre-check: the applicant holds a land-use right for this very parcel, for
 * the use the plan zones it for, and the right has not ended.
 *
 * No DMN table here: the rule compares two records with each other and with today's date.
 * There is no threshold a designer would tune, so a table would only restate equality.
 */
import { definePrecheck, finding, type Assessment, type Finding, type WithFacts } from '../precheck/result.js';

type Facts = WithFacts<'parcel' | 'landUseRight'>;

/** `today` is the Asia/Shanghai date (YYYY-MM-DD); a right ending today is still valid today. */
export function assessNaturalResources(project: Facts, today: string): Assessment {
  const { parcel, landUseRight: right } = project;
  const findings: Finding[] = [];
  if (right.parcelCode !== parcel.code) {
    findings.push(
      finding(
        'right.parcel-mismatch',
        'correction',
        `土地使用权证 ${right.certificateNumber} 记载的宗地 ${right.parcelCode} 与项目地块 ${parcel.code} 不一致`,
        `land-use right ${right.certificateNumber} is for parcel ${right.parcelCode}, not the project's parcel ${parcel.code}`,
      ),
    );
  }
  if (right.landUse !== parcel.landUse) {
    findings.push(
      finding(
        'right.land-use-mismatch',
        'correction',
        `土地使用权证记载的用途 ${right.landUse} 与地块规划用地性质 ${parcel.landUse} 不一致`,
        `the right's land use ${right.landUse} differs from the parcel's zoned land use ${parcel.landUse}`,
      ),
    );
  }
  // ISO dates compare correctly as strings.
  if (right.expiresOn < today) {
    findings.push(
      finding(
        'right.expired',
        'correction',
        `土地使用权已于 ${right.expiresOn} 到期`,
        `the land-use right ended on ${right.expiresOn}`,
      ),
    );
  }
  if (findings.length === 0) {
    findings.push(
      finding(
        'right.valid',
        'info',
        `土地使用权证 ${right.certificateNumber} 与地块 ${parcel.code} 一致，有效期至 ${right.expiresOn}`,
        `land-use right ${right.certificateNumber} matches parcel ${parcel.code}, valid until ${right.expiresOn}`,
      ),
    );
  }
  return {
    findings,
    facts: {
      certificateNumber: right.certificateNumber,
      parcelCode: parcel.code,
      parcelLandUse: parcel.landUse,
      rightParcelCode: right.parcelCode,
      rightLandUse: right.landUse,
      expiresOn: right.expiresOn,
    },
  };
}

export const naturalResourcesPrecheck = definePrecheck({
  department: 'natural-resources',
  description: { zh: '自然资源自动预审：土地使用权', en: 'Natural resources pre-check: land-use right' },
  needs: ['parcel', 'landUseRight'],
  async evaluate(project, { today }) {
    return assessNaturalResources(project, today);
  },
});
