/** Statutory reasons to stop the clock (行政许可法 art. 45, plus correction 补正). */
export const CLOCK_STOP_REASONS = {
  correction: { zh: '补正材料', en: 'correction of materials' },
  hearing: { zh: '听证', en: 'hearing' },
  tendering: { zh: '招标', en: 'tendering' },
  testing: { zh: '检验', en: 'testing' },
  inspection: { zh: '检测', en: 'inspection' },
  quarantine: { zh: '检疫', en: 'quarantine' },
  appraisal: { zh: '鉴定', en: 'appraisal' },
  expert_review: { zh: '专家评审', en: 'expert review' },
} as const;

export type ClockStopReason = keyof typeof CLOCK_STOP_REASONS;
export const REASON_CODES = Object.keys(CLOCK_STOP_REASONS) as [ClockStopReason, ...ClockStopReason[]];
