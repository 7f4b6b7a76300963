/**
 * The procedures a designer works on: every process definition key in the engine with
 * its versions (running cases per version), and the newest draft of each key; keys that
 * exist only as drafts are listed too.
 */
import type { EngineClient } from '../engine/client.js';
import { ApiError } from '../http/api-error.js';
import type { DraftService, DraftSummary } from './drafts.js';

export interface ProcedureVersion {
  definitionId: string;
  version: number;
  versionTag: string | null;
  deploymentId: string;
  deploymentTime: string | null;
  resource: string;
  suspended: boolean;
  runningCases: number;
}

export interface Procedure {
  key: string;
  name: string | null;
  /** Newest first. */
  versions: ProcedureVersion[];
  latestDraft: DraftSummary | null;
}

export interface RunningCase {
  caseId: string;
  businessKey: string | null;
  startTime: string;
  state: string;
}

export async function listProcedures(engine: EngineClient, drafts: DraftService): Promise<Procedure[]> {
  const [statistics, deployments, latestDrafts] = await Promise.all([engine.processDefinitionStatistics(), engine.deployments(), drafts.latest()]);
  const deployedAt = new Map(deployments.map((deployment) => [deployment.id, deployment.deploymentTime]));
  const byKey = new Map<string, Procedure>();
  for (const { definition, instances } of statistics) {
    const procedure = byKey.get(definition.key) ?? { key: definition.key, name: null, versions: [], latestDraft: null };
    procedure.versions.push({
      definitionId: definition.id,
      version: definition.version,
      versionTag: definition.versionTag,
      deploymentId: definition.deploymentId,
      deploymentTime: deployedAt.get(definition.deploymentId) ?? null,
      resource: definition.resource,
      suspended: definition.suspended,
      runningCases: instances,
    });
    byKey.set(definition.key, procedure);
  }
  for (const procedure of byKey.values()) {
    procedure.versions.sort((a, b) => b.version - a.version);
    const newest = statistics.find((entry) => entry.definition.id === procedure.versions[0]!.definitionId);
    procedure.name = newest?.definition.name ?? null;
  }
  for (const [key, draft] of latestDrafts) {
    const procedure = byKey.get(key) ?? { key, name: draft.name || null, versions: [], latestDraft: null };
    procedure.latestDraft = draft;
    byKey.set(key, procedure);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The BPMN XML of one deployed version. */
export async function definitionXml(engine: EngineClient, definitionId: string): Promise<string> {
  return engine.processDefinitionXml(definitionId);
}

/** Running cases of one version of a procedure (to choose which to migrate). */
export async function runningCases(engine: EngineClient, key: string, definitionId: string): Promise<RunningCase[]> {
  const definition = await engine.processDefinition(definitionId);
  if (definition.key !== key) {
    throw new ApiError(404, 'NOT_FOUND', `流程「${key}」没有版本 ${definitionId}`, `procedure "${key}" has no version ${definitionId}`);
  }
  const instances = await engine.historicProcessInstances({ processDefinitionId: definitionId, unfinished: true });
  return instances.map((instance) => ({ caseId: instance.id, businessKey: instance.businessKey, startTime: instance.startTime, state: instance.state }));
}
