import type { z } from 'zod';
import type { precheckResultSchema } from '../../../src/applications/precheck.js';
import type { FormField } from '../../../src/tasks/form-fields.js';
/** Shapes of the case file API (src/cases/routes.ts) and the task API (src/tasks/routes.ts). */
export interface Material {
  id: string;
  code: string;
  fileName: string;
  contentType: string;
  size: number;
  /** 0: handed in with the application; n: supplied in the n-th correction (补正). */
  round: number;
  uploadedAt: string;
}

export interface Opinion {
  step: string;
  stepName: string;
  department: string | null;
  /** "中文 / English" name of the department. */
  departmentName: string | null;
  decision: string | null;
  /** The option's label on the form ("予以受理 / accept"); null for older opinions. */
  decisionLabel: string | null;
  opinion: string | null;
  author: string;
  decidedAt: string;
}

export type TimelineKind = 'step' | 'pause' | 'resume' | 'warning';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  /** "中文 / English". */
  text: string;
  level?: 'yellow' | 'red';
  /** The warned step (BPMN activity id); absent for a warning on the whole case. */
  step?: string;
  reasonLabel?: string;
  shiftedWorkingDays?: number;
}

export interface StepDeadline {
  days: number;
  deadline: string;
  yellowAt: string;
}

export interface Deadlines {
  deadline: string;
  yellowAt: string;
  steps: Record<string, StepDeadline>;
}

export interface CaseTask {
  id: string;
  name: string | null;
  step: string;
  assignee: string | null;
  due: string | null;
  mine: boolean;
}

export interface CaseFile {
  caseId: string;
  businessKey: string;
  processKey: string;
  processName: string;
  state: string;
  startedAt: string;
  endedAt: string | null;
  applicant: string;
  project: Record<string, unknown>;
  greenChannel: boolean;
  /** The catalogue item and the version the case keeps; null for cases from outside the catalogue (the demo). */
  catalogue: { code: string; version: number } | null;
  materials: Material[];
  opinions: Opinion[];
  timeline: TimelineEntry[];
  /** Signed documents issued for the case (decision letter, e-licence). */
  documents: IssuedDocument[];
  deadlines: Deadlines | null;
  paused: boolean;
  tasks: CaseTask[];
}

export interface IssuedDocument {
  number: string;
  kind: 'licence' | 'decision' | 'report';
  title: string;
  issuedAt: string;
}

export interface CaseDiagramData {
  xml: string;
  completed: string[];
  active: string[];
}

/** A decision-form field as the server declares it (src/tasks/form-fields.ts). */
export type FormFieldDef = FormField;
export type FieldType = FormField['type'];

export interface TaskDetail {
  id: string;
  name: string | null;
  caseId: string;
  step: string;
  assignee: string | null;
  due: string | null;
  candidateGroups: string[];
  form: FormFieldDef[];
  /** The department's automated pre-check, where the step has one (src/applications/precheck.ts). */
  precheck: PrecheckResult | null;
}

export type PrecheckResult = z.output<typeof precheckResultSchema>;
export type PrecheckOutcome = PrecheckResult['outcome'];
export type FindingLevel = PrecheckResult['findings'][number]['level'];

export function materialUrl(caseId: string, materialId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/materials/${encodeURIComponent(materialId)}`;
}
