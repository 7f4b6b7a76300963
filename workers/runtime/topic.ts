/**
 * What a department declares for each external-task topic it serves: the department,
 * typed input and output variables, lock duration and retry policy, and the handler.
 */
import type { z } from 'zod';
import type { CalendarService } from '../../src/calendar/service.js';
import type { ClockStopService } from '../../src/clock-stops/service.js';
import type { Database } from '../../src/database/prisma.js';
import type { DocumentService } from '../../src/documents/service.js';
import type { EngineClient } from '../../src/engine/client.js';
import type { Logger } from '../../src/log/logger.js';

/** Shared clients a handler may use; a worker process provides what its topics need. */
export interface WorkerServices {
  database?: Database;
  engine?: EngineClient;
  documents?: DocumentService;
  calendars?: CalendarService;
  clockStops?: ClockStopService;
}

/** The service a handler cannot work without; missing means the worker is misconfigured. */
export function need<K extends keyof WorkerServices>(services: WorkerServices, name: K): NonNullable<WorkerServices[K]> {
  const service = services[name];
  if (!service) throw new Error(`处理器缺少 ${name} 服务 / this worker process was started without the ${name} service`);
  return service as NonNullable<WorkerServices[K]>;
}

export interface RetryPolicy {
  /** Retries after the first failure; when they are used up the engine raises an incident. */
  retries: number;
  /** Wait before the first retry; each further retry waits twice as long. */
  initialTimeoutMs: number;
  maxTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, initialTimeoutMs: 5_000, maxTimeoutMs: 300_000 };

export interface HandlerContext {
  taskId: string;
  businessKey: string | null;
  processInstanceId: string;
  /** How many retries are left before this attempt (null on the first attempt). */
  retries: number | null;
  log: Logger;
  /** Aborted when the runtime gives up waiting for this handler during shutdown. */
  signal: AbortSignal;
  /** BPMN activity the task belongs to (e.g. the warning's timer path). */
  activityId: string;
  services: WorkerServices;
}

export interface TopicDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  topic: string;
  /** Department code (部门编码); candidate groups and `--department` use the same code. */
  department: string;
  description: { zh: string; en: string };
  input: I;
  output: O;
  lockDurationMs?: number;
  retry?: RetryPolicy;
  handler(input: z.infer<I>, context: HandlerContext): Promise<z.infer<O>>;
}

/** Keeps the input/output types of a topic tied to its handler. */
export function defineTopic<I extends z.ZodType, O extends z.ZodType>(definition: TopicDefinition<I, O>): TopicDefinition<I, O> {
  return definition;
}

/**
 * A business outcome the diagram models as a BPMN error (caught by a boundary event),
 * e.g. materials incomplete. Not a technical failure: no retries, no incident.
 */
export class BusinessError extends Error {
  override name = 'BusinessError';
  constructor(
    readonly code: string,
    message: string,
    readonly variables: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Retries to report after a failure, and how long the engine should wait before it. */
export function nextRetry(policy: RetryPolicy, retriesLeft: number | null): { retries: number; retryTimeout: number } {
  const retries = Math.max(0, retriesLeft === null ? policy.retries : retriesLeft - 1);
  const retry = policy.retries - retries + 1; // 1 for the first retry
  const retryTimeout = Math.min(policy.maxTimeoutMs, policy.initialTimeoutMs * 2 ** Math.max(0, retry - 1));
  return { retries, retryTimeout: retries === 0 ? 0 : retryTimeout };
}
