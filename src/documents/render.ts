/**
 * PDF documents issued by Sunshine. Each renderer returns the finished file; the same input
 * gives the same bytes, because the stored file is what gets signed and later verified.
 */
export { renderLicence, type LicenceData } from './licence.js';
export { renderDecisionLetter, type DecisionLetterData, type LetterDecision } from './decision-letter.js';
export { renderReport, type Expert, type ReportData, type ScoreRow } from './report.js';
export type { Department } from './sign-off.js';
