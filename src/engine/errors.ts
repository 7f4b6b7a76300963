/**
 * Typed errors for everything the engine can answer with, so callers branch on a class
 * instead of parsing messages, and a deployment parse error keeps where it happened.
 */

export interface BpmnProblem {
  resource: string;
  message: string;
  line?: number;
  column?: number;
  /** The element the problem is about, and any others it involves. */
  elementIds: string[];
}

export class EngineError extends Error {
  override name = 'EngineError';
  constructor(
    message: string,
    readonly status: number,
    /** Camunda's exception type, e.g. "RestException", "ParseException". */
    readonly type?: string,
    readonly code?: number,
  ) {
    super(message);
  }
}

/** The engine could not be reached at all (down, restarting, wrong URL). */
export class EngineUnavailableError extends EngineError {
  override name = 'EngineUnavailableError';
  constructor(message: string, cause?: unknown) {
    super(message, 503);
    this.cause = cause;
  }
}

export class EngineAuthError extends EngineError {
  override name = 'EngineAuthError';
}

export class EngineNotFoundError extends EngineError {
  override name = 'EngineNotFoundError';
}

/** Someone else changed the same data concurrently; retrying usually helps. */
export class EngineConflictError extends EngineError {
  override name = 'EngineConflictError';
}

export class DeploymentParseError extends EngineError {
  override name = 'DeploymentParseError';
  constructor(
    message: string,
    readonly errors: BpmnProblem[],
    readonly warnings: BpmnProblem[],
  ) {
    super(message, 400, 'ParseException');
  }
}

interface RawProblem {
  message?: string;
  line?: number;
  column?: number;
  mainElementId?: string;
  elementIds?: string[];
}

function toProblems(resource: string, raw: RawProblem[] | undefined): BpmnProblem[] {
  return (raw ?? []).map((problem) => {
    const ids = [problem.mainElementId, ...(problem.elementIds ?? [])].filter((id): id is string => Boolean(id));
    return {
      resource,
      message: problem.message ?? '',
      line: problem.line,
      column: problem.column,
      elementIds: [...new Set(ids)],
    };
  });
}

/** Turns an engine error response into the matching typed error. */
export function engineErrorFrom(status: number, body: unknown, context: string): EngineError {
  const payload = (body && typeof body === 'object' ? body : {}) as {
    type?: string;
    message?: string;
    code?: number;
    details?: Record<string, { errors?: RawProblem[]; warnings?: RawProblem[] }>;
  };
  const message = `${context}: ${payload.message ?? `HTTP ${status}`}`;
  if (payload.type === 'ParseException' && payload.details) {
    const entries = Object.entries(payload.details);
    return new DeploymentParseError(
      message,
      entries.flatMap(([resource, report]) => toProblems(resource, report.errors)),
      entries.flatMap(([resource, report]) => toProblems(resource, report.warnings)),
    );
  }
  if (status === 401 || status === 403) return new EngineAuthError(message, status, payload.type, payload.code);
  if (status === 404) return new EngineNotFoundError(message, status, payload.type, payload.code);
  if (status === 409 || payload.type === 'OptimisticLockingException' || payload.type === 'TaskAlreadyClaimedException') {
    return new EngineConflictError(message, status, payload.type, payload.code);
  }
  return new EngineError(message, status, payload.type, payload.code);
}
