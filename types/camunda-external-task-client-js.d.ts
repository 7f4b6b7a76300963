// Local declaration for camunda-external-task-client-js 3.x: the package ships no types
// and the DefinitelyTyped package describes the 1.x API. Only what Sunshine uses (and
// what the 3.1 sources show) is declared; see node_modules/camunda-external-task-client-js/lib.
declare module 'camunda-external-task-client-js' {
  import { EventEmitter } from 'node:events';

  export interface TypedValue {
    value: unknown;
    type: string;
    valueInfo?: Record<string, unknown>;
  }

  /** got request options as seen by an interceptor. */
  export interface RequestConfig {
    method?: string;
    headers?: Record<string, string>;
    json?: Record<string, unknown>;
    signal?: AbortSignal;
    [option: string]: unknown;
  }

  export type Interceptor = (config: RequestConfig) => RequestConfig;

  export interface ClientConfig {
    baseUrl: string;
    workerId?: string;
    maxTasks?: number;
    maxParallelExecutions?: number;
    /** Pause between two fetchAndLock calls, in ms (read again before every poll). */
    interval?: number;
    lockDuration?: number;
    autoPoll?: boolean;
    /** Long polling: how long the engine holds a fetchAndLock open, in ms. */
    asyncResponseTimeout?: number;
    usePriority?: boolean;
    interceptors?: Interceptor | Interceptor[];
    use?: ((client: Client) => void) | ((client: Client) => void)[];
    sorting?: { sortBy: 'createTime'; sortOrder: 'asc' | 'desc' }[];
  }

  export interface SubscribeOptions {
    lockDuration?: number;
    variables?: string[];
    businessKey?: string;
    processDefinitionId?: string;
    processDefinitionIdIn?: string[];
    processDefinitionKey?: string;
    processDefinitionKeyIn?: string[];
    processDefinitionVersionTag?: string;
    processVariables?: Record<string, unknown>;
    tenantIdIn?: string[];
    withoutTenantId?: boolean;
    localVariables?: boolean;
    includeExtensionProperties?: boolean;
  }

  export class Variables {
    constructor(initialVariables?: Record<string, TypedValue>, options?: Record<string, unknown>);
    get(name: string): unknown;
    getTyped(name: string): TypedValue | null;
    getAll(): Record<string, unknown>;
    getAllTyped(): Record<string, TypedValue>;
    getDirtyVariables(): Record<string, TypedValue>;
    set(name: string, value: unknown): this;
    setTyped(name: string, typedValue: TypedValue): this;
    setAll(values: Record<string, unknown>): this;
    setAllTyped(values: Record<string, TypedValue>): this;
  }

  export interface Task {
    id: string;
    topicName: string;
    workerId: string;
    activityId: string;
    activityInstanceId: string;
    businessKey: string | null;
    processInstanceId: string;
    processDefinitionId: string;
    processDefinitionKey: string;
    executionId: string;
    retries: number | null;
    errorMessage: string | null;
    lockExpirationTime: string;
    createTime?: string;
    priority: number;
    extensionProperties?: Record<string, string>;
    variables: Variables;
  }

  export interface HandleFailureOptions {
    errorMessage?: string;
    errorDetails?: string;
    retries?: number;
    retryTimeout?: number;
  }

  export class TaskService {
    complete(task: Task | string, processVariables?: Variables, localVariables?: Variables): Promise<void>;
    handleFailure(task: Task | string, options: HandleFailureOptions): Promise<void>;
    handleBpmnError(task: Task | string, errorCode: string, errorMessage?: string, variables?: Variables): Promise<void>;
    lock(task: Task | string, duration: number): Promise<void>;
    extendLock(task: Task | string, newDuration: number): Promise<void>;
    unlock(task: Task | string): Promise<void>;
  }

  export type Handler = (args: { task: Task; taskService: TaskService }) => Promise<void> | void;

  export interface TopicSubscription extends SubscribeOptions {
    handler: Handler;
    unsubscribe(): void;
  }

  export class Client extends EventEmitter {
    constructor(config: ClientConfig);
    options: ClientConfig & Required<Pick<ClientConfig, 'interval' | 'maxTasks' | 'lockDuration'>>;
    activeTasksCount: number;
    start(): void;
    stop(): void;
    subscribe(topic: string, options: SubscribeOptions, handler: Handler): TopicSubscription;
    subscribe(topic: string, handler: Handler): TopicSubscription;
  }

  /** An interceptor adding HTTP basic auth (the constructor returns the function). */
  export const BasicAuthInterceptor: new (options: { username: string; password: string }) => Interceptor;

  export const logger: (client: Client) => void;
}
