/**
 * What the designer API (src/designer/routes.ts) answers, taken type-only from the server
 * modules so the two cannot drift apart. Dates arrive as ISO strings.
 */
import type { DeployResult } from '../../../src/designer/deployments.js';
import type { Draft, DraftSummary } from '../../../src/designer/drafts.js';
import type { MigrationStatus, PlanView, SourceActivity } from '../../../src/designer/migration.js';
import type { Procedure, ProcedureVersion, RunningCase } from '../../../src/designer/procedures.js';
import type { LintProblem } from '../../../src/designer/lint/lint-bpmn.js';
import type { LintContext } from '../../../src/designer/lint/config.js';
import type { MigrationInstruction, MigrationPlan } from '../../../src/engine/client.js';

export type { DeployResult, Draft, DraftSummary, LintContext, LintProblem, MigrationInstruction, MigrationPlan, MigrationStatus, PlanView, Procedure, ProcedureVersion, RunningCase, SourceActivity };

export interface ProceduresResponse {
  procedures: Procedure[];
}

export interface DraftsResponse {
  drafts: DraftSummary[];
}

export interface CasesResponse {
  cases: RunningCase[];
}

/** One element template as GET /api/designer/templates serves it (Camunda 7 schema). */
export interface ElementTemplateJson {
  id: string;
  name: string;
  version?: number;
  description?: string;
  appliesTo: string[];
  keywords?: string[];
  metadata?: { department?: string; topic?: string };
  [key: string]: unknown;
}

/** `details` of 400 LINT_FAILED from POST /api/designer/deploy. */
export interface DeployLintDetail {
  file: string;
  rule: string;
  elementId: string | null;
  message: string;
}

/** `details` of 400 BPMN_PARSE_ERROR (deploy, and a draft that is not well-formed). */
export interface DeployParseDetail {
  file: string;
  line: number | null;
  column: number | null;
  elementIds: string[];
  message: string;
}

/** A problem to show on the canvas and in the list, whoever found it. */
export interface DesignerProblem {
  /** `lint` in the editor as you draw; `deploy-lint` / `parse` from a refused deployment. */
  source: 'lint' | 'deploy-lint' | 'parse';
  rule: string;
  elementId: string | null;
  message: string;
  category: 'error' | 'warn';
  line?: number | null;
  column?: number | null;
}

/** Where the diagram in the editor came from. */
export type DocumentOrigin =
  | { kind: 'version'; definitionId: string; version: number; versionTag: string | null }
  | { kind: 'draft'; id: number; comment: string; author: string; createdAt: string }
  | { kind: 'file'; name: string }
  | { kind: 'new' };

export interface OpenDocument {
  /** The process key the diagram was opened as (its process id then). */
  key: string;
  xml: string;
  origin: DocumentOrigin;
}
