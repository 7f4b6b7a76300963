/**
 * The worker runtime: camunda-external-task-client-js does the long polling, locking and
 * REST calls; this adds what it lacks (DESIGN.md §4): typed variables, failure handling
 * with retries ending in an incident, BPMN errors, backoff while the engine is away,
 * lock extension for slow handlers and a bounded drain on shutdown.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { BasicAuthInterceptor, Client, Variables, type RequestConfig, type Task, type TaskService } from 'camunda-external-task-client-js';
import { z } from 'zod';
import type { Logger } from '../../src/log/logger.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../src/net/backoff.js';
import { BusinessError, DEFAULT_RETRY, nextRetry, type TopicDefinition, type WorkerServices } from './topic.js';

export interface WorkerRuntimeOptions {
  engineUrl: string;
  user: string;
  password: string;
  logger: Logger;
  workerId?: string;
  /** Handlers running at once (and tasks fetched per poll). */
  maxParallel?: number;
  /** Long-polling window of one fetchAndLock. */
  longPollMs?: number;
  /** How long stop() waits for running handlers. */
  drainMs?: number;
  /** Pause between polls while the engine answers. */
  pollIntervalMs?: number;
  backoff?: BackoffPolicy;
  services?: WorkerServices;
  /** Serve only tasks of these procedures (a pool per procedure family; tests sharing one engine). */
  processDefinitionKeys?: string[];
}

export interface StopResult {
  drained: boolean;
  /** Handlers still running when the drain time ran out (their locks will expire). */
  abandoned: number;
}

const DEFAULT_LOCK_MS = 60_000;
const MAX_ERROR_MESSAGE = 500;

class AbortedPoll extends Error {}

export class WorkerRuntime {
  private readonly client: Client;
  private readonly topics: Map<string, TopicDefinition>;
  private readonly log: Logger;
  private readonly pollAbort = new AbortController();
  private readonly handlerAbort = new AbortController();
  private readonly running = new Set<Promise<void>>();
  private readonly pollIntervalMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly drainMs: number;
  private consecutivePollFailures = 0;
  private stopping = false;
  private started = false;
  private stopped?: Promise<StopResult>;
  /** Settles when the fetchAndLock under way (if any) has answered. */
  private pollSettled: Promise<void> = Promise.resolve();
  private settlePoll: () => void = () => {};

  constructor(topics: TopicDefinition[], private readonly options: WorkerRuntimeOptions) {
    const duplicate = topics.find((definition, index) => topics.findIndex((other) => other.topic === definition.topic) !== index);
    if (duplicate) throw new Error(`topic ${duplicate.topic} is registered twice`);
    this.topics = new Map(topics.map((definition) => [definition.topic, definition]));
    this.log = options.logger;
    this.pollIntervalMs = options.pollIntervalMs ?? 10;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.drainMs = options.drainMs ?? 20_000;
    const maxParallel = options.maxParallel ?? 32;
    const signal = this.pollAbort.signal;
    this.client = new Client({
      baseUrl: options.engineUrl,
      workerId: options.workerId ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
      maxTasks: maxParallel,
      maxParallelExecutions: maxParallel,
      interval: this.pollIntervalMs,
      asyncResponseTimeout: options.longPollMs ?? 10_000,
      autoPoll: false,
      interceptors: [
        new BasicAuthInterceptor({ username: options.user, password: options.password }),
        (config: RequestConfig) => (config.json && 'topics' in config.json ? this.pollStarting(config, signal) : config),
      ],
    });
    this.client.on('poll:success', () => {
      this.settlePoll();
      this.onPollSuccess();
    });
    this.client.on('poll:error', (error: unknown) => {
      this.settlePoll();
      this.onPollError(error);
    });
  }

  get activeHandlers(): number {
    return this.running.size;
  }

  start(): void {
    if (this.started) throw new Error('worker runtime already started');
    this.started = true;
    for (const definition of this.topics.values()) {
      this.client.subscribe(
        definition.topic,
        {
          lockDuration: definition.lockDurationMs ?? DEFAULT_LOCK_MS,
          variables: variableNames(definition.input),
          ...(this.options.processDefinitionKeys ? { processDefinitionKeyIn: this.options.processDefinitionKeys } : {}),
        },
        ({ task, taskService }) => this.track(this.execute(definition, task, taskService)),
      );
    }
    this.log.info({ topics: [...this.topics.keys()] }, '外部任务处理器已启动 / workers started');
    this.client.start();
  }

  /**
   * Stops fetching, then waits (bounded by drainMs) for the poll under way and for the
   * running handlers. The poll is not aborted: the engine would still lock whatever task
   * arrives for that request until it times out, for a worker that is gone. Tasks it
   * returns after stop() are handed straight back (unlocked).
   */
  async stop(): Promise<StopResult> {
    if (!this.stopping) {
      this.stopping = true;
      this.client.stop();
      this.stopped = this.drain();
    }
    return this.stopped!;
  }

  private async drain(): Promise<StopResult> {
    const deadline = Date.now() + this.drainMs;
    const within = <T>(work: Promise<T>) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()))));
      return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
    };
    if (this.running.size > 0) this.log.info({ running: this.running.size, drainMs: this.drainMs }, '等待处理中的任务完成 / draining running handlers');
    this.log.info('等待当前长轮询结束 / waiting for the long poll under way to end');
    if ((await within(this.pollSettled)) === 'timeout') this.pollAbort.abort(new AbortedPoll('drain time is up'));
    const outcome = await within(Promise.allSettled([...this.running]));
    const abandoned = outcome === 'timeout' ? this.running.size : 0;
    if (abandoned > 0) {
      this.handlerAbort.abort();
      this.log.warn({ abandoned }, '排空超时，未完成任务将在锁过期后重新派发 / drain timed out; unfinished tasks are redelivered when their locks expire');
    }
    this.log.info('外部任务处理器已停止 / workers stopped');
    return { drained: abandoned === 0, abandoned };
  }

  /** Called for each fetchAndLock request: remembers it is under way, makes it abortable. */
  private pollStarting(config: RequestConfig, signal: AbortSignal): RequestConfig {
    this.pollSettled = new Promise((resolve) => (this.settlePoll = resolve));
    return { ...config, signal };
  }

  private track(work: Promise<void>): Promise<void> {
    this.running.add(work);
    return work.finally(() => this.running.delete(work));
  }

  private onPollSuccess(): void {
    if (this.consecutivePollFailures > 0) {
      this.log.info({ failures: this.consecutivePollFailures }, '流程引擎已恢复 / engine reachable again, polling resumed');
      this.consecutivePollFailures = 0;
      this.client.options.interval = this.pollIntervalMs;
    }
  }

  private onPollError(error: unknown): void {
    if (this.stopping) return;
    this.consecutivePollFailures += 1;
    const delay = backoffDelay(this.consecutivePollFailures, this.backoff);
    // The client reads `interval` afresh before each poll, so this spaces out the retries.
    this.client.options.interval = delay;
    this.log.warn(
      { failures: this.consecutivePollFailures, retryInMs: delay, err: describe(error) },
      '无法从流程引擎获取任务，退避重试 / cannot fetch tasks from the engine, backing off',
    );
  }

  private async execute(definition: TopicDefinition, task: Task, taskService: TaskService): Promise<void> {
    const log = this.log.child({ topic: task.topicName, businessKey: task.businessKey, taskId: task.id, processInstanceId: task.processInstanceId });
    if (this.stopping) {
      // Fetched by a poll that was already under way when stop() began: hand it back.
      await this.report(log, 'unlock', () => taskService.unlock(task));
      return;
    }
    const input = definition.input.safeParse(task.variables.getAll());
    if (!input.success) {
      // Bad data will not get better by retrying: raise an incident at once.
      await this.fail(log, taskService, task, `输入变量无效 / invalid input variables: ${z.prettifyError(input.error)}`, '', 0, 0);
      return;
    }
    const lockMs = definition.lockDurationMs ?? DEFAULT_LOCK_MS;
    const keepAlive = setInterval(() => {
      taskService.extendLock(task, lockMs).catch((error: unknown) => log.warn({ err: describe(error) }, 'cannot extend lock'));
    }, Math.max(1_000, Math.floor(lockMs * 0.6)));
    try {
      const result = await definition.handler(input.data, {
        taskId: task.id,
        businessKey: task.businessKey,
        processInstanceId: task.processInstanceId,
        retries: task.retries,
        log,
        signal: this.handlerAbort.signal,
        activityId: task.activityId,
        services: this.options.services ?? {},
      });
      clearInterval(keepAlive);
      const output = definition.output.safeParse(result ?? {});
      if (!output.success) {
        await this.fail(log, taskService, task, `输出变量无效 / handler returned invalid output: ${z.prettifyError(output.error)}`, '', 0, 0);
        return;
      }
      await this.report(log, 'complete', () => taskService.complete(task, toVariables(output.data)));
      log.debug('task completed');
    } catch (error) {
      clearInterval(keepAlive);
      if (error instanceof BusinessError) {
        log.info({ errorCode: error.code }, 'business error raised as BPMN error');
        await this.report(log, 'bpmnError', () => taskService.handleBpmnError(task, error.code, error.message, toVariables(error.variables)));
        return;
      }
      const { retries, retryTimeout } = nextRetry(definition.retry ?? DEFAULT_RETRY, task.retries);
      const message = error instanceof Error ? error.message : String(error);
      const details = error instanceof Error ? (error.stack ?? message) : message;
      await this.fail(log, taskService, task, message, details, retries, retryTimeout);
    }
  }

  private async fail(log: Logger, taskService: TaskService, task: Task, message: string, details: string, retries: number, retryTimeout: number) {
    if (retries === 0) log.error({ reason: message }, '重试用尽，已创建事件 / no retries left, incident raised');
    else log.warn({ reason: message, retries, retryTimeout }, '处理失败，稍后重试 / handler failed, will retry');
    await this.report(log, 'failure', () =>
      taskService.handleFailure(task, { errorMessage: message.slice(0, MAX_ERROR_MESSAGE), errorDetails: details, retries, retryTimeout }),
    );
  }

  /**
   * Tells the engine the outcome, retrying while it is unreachable. If it stays away
   * past the lock, the task is redelivered: handlers are idempotent by design.
   */
  private async report(log: Logger, what: string, call: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await call();
        return;
      } catch (error) {
        const status = httpStatus(error);
        if ((status !== undefined && status < 500) || attempt >= 8) {
          log.error({ err: describe(error), attempt }, `cannot ${what} the task; it returns to the engine when its lock expires`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, this.backoff)));
      }
    }
  }
}

function variableNames(schema: z.ZodType): string[] | undefined {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

function toVariables(values: unknown): Variables {
  const variables = new Variables();
  if (values && typeof values === 'object') {
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined) variables.set(name, value);
    }
  }
  return variables;
}

function httpStatus(error: unknown): number | undefined {
  const response = (error as { httpStatusCode?: number; response?: { statusCode?: number } } | null) ?? {};
  return response.httpStatusCode ?? response.response?.statusCode;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}
