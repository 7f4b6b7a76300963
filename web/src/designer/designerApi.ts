/** The designer API (README "Deploying a revised procedure"), as the pages call it. */
import { getJson, postJson } from '../api.js';
import type {
  CasesResponse,
  DeployResult,
  Draft,
  DraftsResponse,
  ElementTemplateJson,
  LintContext,
  MigrationPlan,
  MigrationStatus,
  PlanView,
  ProceduresResponse,
} from './types.js';

const path = encodeURIComponent;

export const PROCEDURES_PATH = '/api/designer/procedures';

export function draftsPath(key: string): string {
  return `/api/designer/procedures/${path(key)}/drafts`;
}

export function casesPath(key: string, definitionId: string): string {
  return `/api/designer/procedures/${path(key)}/cases?definitionId=${path(definitionId)}`;
}

/** A deployed decision table (latest version of its key). */
export interface DeployedDecision {
  id: string;
  key: string;
  name: string | null;
  version: number;
  resource: string;
}

export const designerApi = {
  procedures: () => getJson<ProceduresResponse>(PROCEDURES_PATH),
  definitionXml: async (definitionId: string) => (await getJson<{ xml: string }>(`/api/designer/definitions/${path(definitionId)}/xml`)).xml,
  decisions: () => getJson<{ decisions: DeployedDecision[] }>('/api/designer/decisions'),
  decisionXml: async (decisionId: string) => (await getJson<{ xml: string }>(`/api/designer/decisions/${path(decisionId)}/xml`)).xml,
  drafts: (key: string) => getJson<DraftsResponse>(draftsPath(key)),
  draft: (id: number) => getJson<Draft>(`/api/designer/drafts/${id}`),
  saveDraft: (key: string, xml: string, comment: string) => postJson<Draft>(draftsPath(key), { xml, comment }),
  templates: () => getJson<ElementTemplateJson[]>('/api/designer/templates'),
  lintContext: () => getJson<LintContext>('/api/designer/lint-context'),
  deploy: (files: { name: string; xml: string }[], comment: string) => postJson<DeployResult>('/api/designer/deploy', { files, comment }),
  plan: (source: string, target: string) => getJson<PlanView>(`/api/designer/migration-plan?source=${path(source)}&target=${path(target)}`),
  migrate: (plan: Pick<MigrationPlan, 'sourceProcessDefinitionId' | 'targetProcessDefinitionId' | 'instructions'>, processInstanceIds: string[]) =>
    postJson<{ batchId: string }>('/api/designer/migrations', { plan, processInstanceIds }),
  migration: (batchId: string) => getJson<MigrationStatus>(`/api/designer/migrations/${path(batchId)}`),
  cases: (key: string, definitionId: string) => getJson<CasesResponse>(casesPath(key, definitionId)),
};

/**
 * A deployable file name (the API allows letters, digits, `_ - . /` and a space, ending in
 * .bpmn or .dmn): anything else becomes "-".
 */
export function deployFileName(base: string, extension: 'bpmn' | 'dmn'): string {
  const stem = base
    .replace(/\.(bpmn|dmn|xml)$/i, '')
    .replace(/\.\.+/g, '.')
    .replace(/[^\p{L}\p{N}_\-. ]/gu, '-')
    .replace(/^[-. ]+/, '')
    .slice(0, 190);
  return `${stem || 'diagram'}.${extension}`;
}

/** The first process id a BPMN document declares, read without parsing the whole model. */
export function processKeyOf(xml: string): string | null {
  return /<(?:[\w-]+:)?process\b[^>]*?\sid="([^"]+)"/.exec(xml)?.[1] ?? null;
}
