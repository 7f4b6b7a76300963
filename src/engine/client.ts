/**
 * A small typed client for the parts of Camunda 7's REST API that Sunshine uses.
 * Only the API process and the CLI hold one; the browser never reaches the engine.
 */
import { DeploymentParseError, engineErrorFrom, EngineUnavailableError } from './errors.js';
import { xmlSyntaxProblem } from './xml-syntax.js';
import { fromTypedValue, fromTypedVariables, toTypedVariables, type PlainVariables, type TypedVariables } from './variables.js';

export interface EngineClientOptions {
  baseUrl: string;
  user: string;
  password: string;
  /** Per-request timeout; long enough for big deployments. */
  timeoutMs?: number;
}

export interface Deployment {
  id: string;
  name: string | null;
  deploymentTime: string;
  source: string | null;
  deployedProcessDefinitions: Record<string, ProcessDefinition> | null;
  deployedDecisionDefinitions?: Record<string, DecisionDefinition> | null;
}

export interface DecisionDefinition {
  id: string;
  key: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  deploymentId: string;
  resource: string;
}

/** A process definition with its running instances (GET /process-definition/statistics). */
export interface ProcessDefinitionStatistics {
  id: string;
  instances: number;
  failedJobs: number;
  definition: ProcessDefinition;
}

export interface ProcessDefinition {
  id: string;
  key: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  deploymentId: string;
  resource: string;
  suspended: boolean;
}

export interface ProcessInstance {
  id: string;
  definitionId: string;
  businessKey: string | null;
  ended: boolean;
  suspended: boolean;
}

export interface Task {
  id: string;
  name: string | null;
  assignee: string | null;
  created: string;
  due: string | null;
  followUp: string | null;
  description: string | null;
  executionId: string;
  processDefinitionId: string;
  processInstanceId: string;
  taskDefinitionKey: string;
  priority: number;
  formKey: string | null;
}

export interface TaskQuery {
  processInstanceId?: string;
  processInstanceBusinessKey?: string;
  processDefinitionKey?: string;
  taskDefinitionKey?: string;
  candidateGroup?: string;
  candidateGroups?: string[];
  includeAssignedTasks?: boolean;
  assignee?: string;
  sorting?: { sortBy: string; sortOrder: 'asc' | 'desc' }[];
  [key: string]: unknown;
}

export interface ExternalTask {
  id: string;
  topicName: string;
  workerId: string | null;
  lockExpirationTime: string | null;
  retries: number | null;
  errorMessage: string | null;
  processInstanceId: string;
  activityId: string;
  businessKey: string | null;
}

export interface Job {
  id: string;
  dueDate: string | null;
  processInstanceId: string;
  retries: number;
  exceptionMessage: string | null;
  suspended: boolean;
  jobDefinitionId: string;
}

export interface Incident {
  id: string;
  incidentType: string;
  incidentMessage: string | null;
  processInstanceId: string;
  activityId: string;
  configuration: string | null;
  incidentTimestamp: string;
}

export interface HistoricActivityInstance {
  id: string;
  activityId: string;
  activityName: string | null;
  activityType: string;
  startTime: string;
  endTime: string | null;
  canceled: boolean;
  taskId: string | null;
}

export interface HistoricProcessInstance {
  id: string;
  businessKey: string | null;
  processDefinitionKey: string;
  processDefinitionId: string;
  startTime: string;
  endTime: string | null;
  state: string;
}

export interface MigrationInstruction {
  sourceActivityIds: string[];
  targetActivityIds: string[];
  updateEventTrigger?: boolean;
}

export interface MigrationPlan {
  sourceProcessDefinitionId: string;
  targetProcessDefinitionId: string;
  instructions: MigrationInstruction[];
  variables?: TypedVariables;
}

/** The engine's static check of a plan (POST /migration/validate); empty reports: valid. */
export interface MigrationPlanReport {
  instructionReports: { instruction: MigrationInstruction; failures: string[] }[];
  variableReports?: Record<string, { type?: string; value?: unknown; failures: string[] }>;
}

export interface Batch {
  id: string;
  type: string;
  totalJobs: number;
  jobsCreated: number;
  batchJobsPerSeed: number;
  invocationsPerBatchJob: number;
  seedJobDefinitionId: string | null;
  monitorJobDefinitionId: string | null;
  batchJobDefinitionId: string | null;
  suspended: boolean;
}

export interface BatchStatistics extends Batch {
  remainingJobs: number;
  completedJobs: number;
  failedJobs: number;
}

export interface HistoricBatch {
  id: string;
  type: string;
  totalJobs: number;
  batchJobDefinitionId: string | null;
  startTime: string;
  endTime: string | null;
}

export interface DeployFile {
  name: string;
  content: string | Uint8Array;
}

/** Camunda wants dates as yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2026-02-25T23:59:59.000+0800. */
export function toEngineDate(iso: string | Date): string {
  if (iso instanceof Date) return iso.toISOString().replace('Z', '+0000');
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!match) throw new TypeError(`not an ISO-8601 date-time with offset: ${iso}`);
  const millis = (match[2] ?? '.000').padEnd(4, '0');
  const zone = match[3] === 'Z' ? '+0000' : match[3]!.replace(':', '');
  return `${match[1]}${millis}${zone}`;
}

export class EngineClient {
  readonly baseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;

  constructor(options: EngineClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  private async request<T>(method: string, path: string, body?: unknown, context = `${method} ${path}`): Promise<T> {
    const headers: Record<string, string> = { authorization: this.authorization, accept: 'application/json' };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new EngineUnavailableError(`流程引擎不可达 / engine unreachable at ${this.baseUrl} (${context})`, error);
    }
    const text = await response.text();
    const parsed: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) throw engineErrorFrom(response.status, parsed, context);
    return parsed as T;
  }

  private get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  private post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }

  async version(): Promise<string> {
    return (await this.get<{ version: string }>('/version')).version;
  }

  /** Deploys files; with duplicate filtering, unchanged resources make no new version. */
  async deploy(options: {
    name: string;
    files: DeployFile[];
    duplicateFiltering?: boolean;
    changedOnly?: boolean;
    source?: string;
  }): Promise<Deployment> {
    const malformed = options.files.flatMap((file) => (/\.(bpmn|dmn)$/.test(file.name) ? [xmlSyntaxProblem(file.name, file.content)] : [])).filter((problem) => problem !== undefined);
    if (malformed.length > 0) {
      throw new DeploymentParseError(`deploy ${options.name}: ${malformed.map((problem) => `${problem.resource}:${problem.line}:${problem.column}`).join(', ')}`, malformed, []);
    }
    const form = new FormData();
    form.set('deployment-name', options.name);
    form.set('deployment-source', options.source ?? 'sunshine');
    form.set('enable-duplicate-filtering', String(options.duplicateFiltering ?? true));
    form.set('deploy-changed-only', String(options.changedOnly ?? true));
    for (const file of options.files) {
      form.set(file.name, new Blob([file.content as BlobPart], { type: 'application/octet-stream' }), file.name);
    }
    return this.request<Deployment>('POST', '/deployment/create', form, `deploy ${options.name}`);
  }

  deployments(): Promise<Deployment[]> {
    return this.get('/deployment?sortBy=deploymentTime&sortOrder=desc');
  }

  processDefinitions(query: { key?: string; latestVersion?: boolean; deploymentId?: string } = {}): Promise<ProcessDefinition[]> {
    const params = new URLSearchParams({ sortBy: 'key', sortOrder: 'asc' });
    if (query.key) params.set('key', query.key);
    if (query.latestVersion) params.set('latestVersion', 'true');
    if (query.deploymentId) params.set('deploymentId', query.deploymentId);
    return this.get(`/process-definition?${params}`);
  }

  processDefinition(id: string): Promise<ProcessDefinition> {
    return this.get(`/process-definition/${encodeURIComponent(id)}`);
  }

  /** Every process definition (all versions) with its number of running instances. */
  processDefinitionStatistics(): Promise<ProcessDefinitionStatistics[]> {
    return this.get('/process-definition/statistics');
  }

  decisionDefinitions(query: { deploymentId?: string; latestVersion?: boolean } = {}): Promise<DecisionDefinition[]> {
    const params = new URLSearchParams({ sortBy: 'key', sortOrder: 'asc' });
    if (query.deploymentId) params.set('deploymentId', query.deploymentId);
    if (query.latestVersion) params.set('latestVersion', 'true');
    return this.get(`/decision-definition?${params}`);
  }

  /** The DMN XML a decision definition was deployed with. */
  async decisionDefinitionXml(id: string): Promise<string> {
    const body = await this.get<{ dmnXml: string }>(`/decision-definition/${encodeURIComponent(id)}/xml`);
    return body.dmnXml;
  }

  async processDefinitionXml(id: string): Promise<string> {
    return (await this.get<{ bpmn20Xml: string }>(`/process-definition/${encodeURIComponent(id)}/xml`)).bpmn20Xml;
  }

  startProcess(key: string, options: { businessKey?: string; variables?: PlainVariables } = {}): Promise<ProcessInstance> {
    return this.post(`/process-definition/key/${encodeURIComponent(key)}/start`, {
      businessKey: options.businessKey,
      variables: toTypedVariables(options.variables ?? {}),
    });
  }

  processInstances(query: { businessKey?: string; processDefinitionKey?: string; processDefinitionId?: string; processInstanceIds?: string[]; superProcessInstance?: string } = {}): Promise<ProcessInstance[]> {
    return this.post('/process-instance', query);
  }

  async deleteProcessInstance(id: string, reason: string): Promise<void> {
    const params = new URLSearchParams({ skipCustomListeners: 'true', deleteReason: reason });
    await this.request('DELETE', `/process-instance/${encodeURIComponent(id)}?${params}`);
  }

  /**
   * Delivers a message to the case waiting for it (e.g. corrections supplied). `local`
   * picks one execution when several wait for the same message (one department's branch).
   */
  async correlateMessage(messageName: string, options: { processInstanceId: string; local?: PlainVariables; variables?: PlainVariables }): Promise<void> {
    await this.post('/message', {
      messageName,
      processInstanceId: options.processInstanceId,
      ...(options.local ? { localCorrelationKeys: toTypedVariables(options.local) } : {}),
      processVariables: toTypedVariables(options.variables ?? {}),
    });
  }

  /** Process instances among `processInstanceIds` waiting for the message `eventName`. */
  async waitingForMessage(eventName: string, processInstanceIds: string[]): Promise<Set<string>> {
    const waiting = new Set<string>();
    for (const id of processInstanceIds) {
      const params = new URLSearchParams({ eventType: 'message', eventName, processInstanceId: id });
      const subscriptions = await this.get<{ processInstanceId: string }[]>(`/event-subscription?${params}`);
      if (subscriptions.length > 0) waiting.add(id);
    }
    return waiting;
  }

  /** Evaluates the latest version of a DMN decision; one plain object per matched rule. */
  async evaluateDecision(key: string, variables: PlainVariables): Promise<PlainVariables[]> {
    const results = await this.post<TypedVariables[]>(`/decision-definition/key/${encodeURIComponent(key)}/evaluate`, { variables: toTypedVariables(variables) });
    return results.map(fromTypedVariables);
  }

  async variables(processInstanceId: string): Promise<PlainVariables> {
    const typed = await this.get<TypedVariables>(`/process-instance/${encodeURIComponent(processInstanceId)}/variables?deserializeValues=false`);
    return fromTypedVariables(typed);
  }

  async setVariables(processInstanceId: string, variables: PlainVariables): Promise<void> {
    await this.post(`/process-instance/${encodeURIComponent(processInstanceId)}/variables`, { modifications: toTypedVariables(variables) });
  }

  tasks(query: TaskQuery = {}, page?: { firstResult: number; maxResults: number }): Promise<Task[]> {
    const params = page ? `?firstResult=${page.firstResult}&maxResults=${page.maxResults}` : '';
    return this.post(`/task${params}`, query);
  }

  async taskCount(query: TaskQuery = {}): Promise<number> {
    return (await this.post<{ count: number }>('/task/count', query)).count;
  }

  task(id: string): Promise<Task> {
    return this.get(`/task/${encodeURIComponent(id)}`);
  }

  async claimTask(id: string, userId: string): Promise<void> {
    await this.post(`/task/${encodeURIComponent(id)}/claim`, { userId });
  }

  async unclaimTask(id: string): Promise<void> {
    await this.post(`/task/${encodeURIComponent(id)}/unclaim`);
  }

  async completeTask(id: string, variables: PlainVariables = {}): Promise<void> {
    await this.post(`/task/${encodeURIComponent(id)}/complete`, { variables: toTypedVariables(variables) });
  }

  /** PUT /task/{id} overwrites every field, so the current ones are sent back with the new due date. */
  async setTaskDue(id: string, due: string): Promise<void> {
    const task = await this.request<Task & { owner: string | null; delegationState: string | null; parentTaskId: string | null; caseInstanceId: string | null; tenantId: string | null }>('GET', `/task/${encodeURIComponent(id)}`);
    await this.request('PUT', `/task/${encodeURIComponent(id)}`, {
      name: task.name,
      description: task.description,
      priority: task.priority,
      assignee: task.assignee,
      owner: task.owner,
      delegationState: task.delegationState,
      due: toEngineDate(due),
      followUp: task.followUp,
      parentTaskId: task.parentTaskId,
      caseInstanceId: task.caseInstanceId,
      tenantId: task.tenantId,
    });
  }

  async taskVariables(id: string): Promise<PlainVariables> {
    const typed = await this.get<TypedVariables>(`/task/${encodeURIComponent(id)}/variables?deserializeValues=false`);
    return fromTypedVariables(typed);
  }

  /** Candidate groups and users of a task. */
  async taskCandidateGroups(id: string): Promise<string[]> {
    const links = await this.get<{ type: string; groupId: string | null }[]>(`/task/${encodeURIComponent(id)}/identity-links?type=candidate`);
    return links.map((link) => link.groupId).filter((group): group is string => Boolean(group));
  }

  async historicTaskCount(query: { processInstanceId: string; taskHadCandidateGroup?: string }): Promise<number> {
    const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined) as [string, string][]);
    return (await this.get<{ count: number }>(`/history/task/count?${params}`)).count;
  }

  /** Selected variables of several process instances at once (inbox pages). */
  async variableInstances(processInstanceIds: string[], names: string[]): Promise<{ processInstanceId: string; name: string; value: unknown }[]> {
    if (processInstanceIds.length === 0) return [];
    const rows = await this.post<{ processInstanceId: string; name: string; type: string; value: unknown; valueInfo?: Record<string, unknown> }[]>(
      '/variable-instance?deserializeValues=false',
      { processInstanceIdIn: processInstanceIds, variableNameIn: names },
    );
    return rows.map((row) => ({ processInstanceId: row.processInstanceId, name: row.name, value: fromTypedValue({ value: row.value, type: row.type, valueInfo: row.valueInfo }) }));
  }

  externalTasks(query: { processInstanceId?: string; topicName?: string; withRetriesLeft?: boolean; noRetriesLeft?: boolean } = {}): Promise<ExternalTask[]> {
    return this.post('/external-task', query);
  }

  async externalTaskCount(query: { topicName?: string; processInstanceId?: string } = {}): Promise<number> {
    return (await this.post<{ count: number }>('/external-task/count', query)).count;
  }

  async lockExternalTask(id: string, workerId: string, lockDuration: number): Promise<void> {
    await this.post(`/external-task/${encodeURIComponent(id)}/lock`, { workerId, lockDuration });
  }

  async completeExternalTask(id: string, workerId: string, variables: PlainVariables = {}): Promise<void> {
    await this.post(`/external-task/${encodeURIComponent(id)}/complete`, { workerId, variables: toTypedVariables(variables) });
  }

  jobs(query: { processInstanceId?: string; timers?: boolean; withException?: boolean; noRetriesLeft?: boolean; activityId?: string; jobDefinitionId?: string } = {}): Promise<Job[]> {
    return this.post('/job', query);
  }

  /** Moves a timer; used when a clock stop ends and deadlines shift. */
  async setJobDueDate(id: string, due: string | Date): Promise<void> {
    await this.request('PUT', `/job/${encodeURIComponent(id)}/duedate`, { duedate: toEngineDate(due) });
  }

  async suspendJob(id: string, suspended: boolean): Promise<void> {
    await this.request('PUT', `/job/${encodeURIComponent(id)}/suspended`, { suspended });
  }

  async executeJob(id: string): Promise<void> {
    await this.post(`/job/${encodeURIComponent(id)}/execute`);
  }

  async setJobRetries(id: string, retries: number): Promise<void> {
    await this.request('PUT', `/job/${encodeURIComponent(id)}/retries`, { retries });
  }

  incidents(query: { processInstanceId?: string; incidentType?: string } = {}): Promise<Incident[]> {
    const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined) as [string, string][]);
    return this.get(`/incident?${params}`);
  }

  historicActivityInstances(processInstanceId: string): Promise<HistoricActivityInstance[]> {
    return this.post('/history/activity-instance', { processInstanceId, sorting: [{ sortBy: 'startTime', sortOrder: 'asc' }, { sortBy: 'occurrence', sortOrder: 'asc' }] });
  }

  historicProcessInstance(id: string): Promise<HistoricProcessInstance> {
    return this.get(`/history/process-instance/${encodeURIComponent(id)}`);
  }

  historicProcessInstances(query: { processDefinitionId?: string; processDefinitionKey?: string; unfinished?: boolean; processInstanceIds?: string[] }): Promise<HistoricProcessInstance[]> {
    return this.post('/history/process-instance', { ...query, sorting: [{ sortBy: 'startTime', sortOrder: 'desc' }] });
  }

  generateMigrationPlan(sourceProcessDefinitionId: string, targetProcessDefinitionId: string, updateEventTriggers = true): Promise<MigrationPlan> {
    return this.post('/migration/generate', { sourceProcessDefinitionId, targetProcessDefinitionId, updateEventTriggers });
  }

  async executeMigration(plan: MigrationPlan, processInstanceIds: string[], skipCustomListeners = false): Promise<void> {
    await this.post('/migration/execute', { migrationPlan: plan, processInstanceIds, skipCustomListeners });
  }

  /** Checks a plan against both definitions without touching any instance. */
  validateMigrationPlan(plan: MigrationPlan): Promise<MigrationPlanReport> {
    return this.post('/migration/validate', plan);
  }

  /**
   * Migrates instances in a batch: one job per instance, run by the job executor. An
   * instance that cannot migrate makes its job fail (and stays on its version); the
   * others migrate regardless.
   */
  executeMigrationAsync(plan: MigrationPlan, processInstanceIds: string[], skipCustomListeners = false): Promise<Batch> {
    return this.post('/migration/executeAsync', { migrationPlan: plan, processInstanceIds, skipCustomListeners });
  }

  /** A running batch's progress, or undefined once it has finished (and was removed). */
  async batchStatistics(batchId: string): Promise<BatchStatistics | undefined> {
    const [statistics] = await this.get<BatchStatistics[]>(`/batch/statistics?${new URLSearchParams({ batchId })}`);
    return statistics;
  }

  historicBatch(batchId: string): Promise<HistoricBatch> {
    return this.get(`/history/batch/${encodeURIComponent(batchId)}`);
  }

  /** The exception stack trace of a failed job (its message alone is often cut short). */
  async jobStacktrace(jobId: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/job/${encodeURIComponent(jobId)}/stacktrace`, {
      headers: { authorization: this.authorization, accept: 'text/plain' },
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((error: unknown) => {
      throw new EngineUnavailableError(`流程引擎不可达 / engine unreachable at ${this.baseUrl} (job stacktrace)`, error);
    });
    const text = await response.text();
    if (!response.ok) throw engineErrorFrom(response.status, safeJson(text), `GET /job/${jobId}/stacktrace`);
    return text;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 500) };
  }
}
