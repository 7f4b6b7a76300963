/** Error body every Sunshine endpoint returns on failure. */
export interface ApiErrorBody {
  error: string;
  /** Bilingual, "中文 / English". */
  message: string;
  details?: unknown;
}

/**
 * - `api`: the server answered with its error body, so `message` is meant for users;
 * - `unexpected`: something answered, but not with the API's JSON (proxy page, crash);
 * - `network`: no HTTP response at all.
 * The UI words the last two itself because their raw text is not user-facing.
 */
export type ApiErrorKind = 'api' | 'unexpected' | 'network';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** 0 when no response arrived. */
  readonly status: number;
  readonly code: string | null;
  readonly details: unknown;

  constructor(message: string, init: { kind: ApiErrorKind; status: number; code?: string; details?: unknown }) {
    super(message);
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code ?? null;
    this.details = init.details;
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.error === 'string' && typeof body.message === 'string';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session's CSRF token, kept in memory only (never in storage, where injected scripts
 * could read it later): set from the login answer and from /api/auth/me after a reload.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called whenever the API answers 401 UNAUTHENTICATED: the session ended or expired. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Requests whose 401 means "not logged in yet" or "wrong password", not "session lost". */
const SESSION_PROBES = new Set(['/api/auth/me', '/api/auth/login']);

/** Error codes that mean "you may not see this", shown as the 403 page. */
const FORBIDDEN_CODES = new Set(['FORBIDDEN', 'TASK_FORBIDDEN', 'CASE_FORBIDDEN']);

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code !== null && FORBIDDEN_CODES.has(error.code);
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    // Another tab logging in replaces the cookie and with it the session's token: fetch the new one and retry once.
    if (error instanceof ApiError && error.code === 'CSRF_TOKEN_INVALID') {
      let session: { csrfToken: string };
      try {
        session = await send<{ csrfToken: string }>('/api/auth/me', { signal: options.signal });
      } catch (meError) {
        // No session at all any more: that is a logout, not a token problem.
        if (isUnauthenticated(meError)) for (const listener of unauthenticatedListeners) listener();
        throw meError;
      }
      setCsrfToken(session.csrfToken);
      return send<T>(path, options);
    }
    throw error;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    // Aborts are deliberate; rethrow untouched so callers can recognise and ignore them.
    if (signal?.aborted) throw cause;
    throw new ApiError(cause instanceof Error ? cause.message : String(cause), { kind: 'network', status: 0 });
  }

  // 204 No Content (claim, logout, …) carries no body by definition.
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failure(path, response, payload);
  if (payload === undefined) {
    // A 2xx without JSON usually means the SPA's index.html answered instead of the API.
    throw new ApiError(`HTTP ${response.status} without JSON`, { kind: 'unexpected', status: response.status });
  }
  return payload as T;
}

/** The error for a non-2xx answer (whose JSON body, if any, is `payload`); tells the session listeners about a lost login. */
function failure(path: string, response: Response, payload: unknown): ApiError {
  if (response.status === 401 && !SESSION_PROBES.has(path)) for (const listener of unauthenticatedListeners) listener();
  if (isApiErrorBody(payload)) {
    return new ApiError(payload.message, {
      kind: 'api',
      status: response.status,
      code: payload.error,
      details: payload.details,
    });
  }
  return new ApiError(`HTTP ${response.status}`, { kind: 'unexpected', status: response.status });
}

/**
 * A file from the API as bytes (a document to sign): the caller needs exactly what the
 * server holds, so nothing is decoded. Errors are the same ApiErrors as for JSON calls.
 */
export async function getBytes(path: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(cause instanceof Error ? cause.message : String(cause), { kind: 'network', status: 0 });
  }
  if (!response.ok) throw failure(path, response, await response.json().catch(() => undefined));
  return response.arrayBuffer();
}

export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>(path, { signal });
}

export function postJson<T>(path: string, body?: unknown): Promise<T> {
  return apiRequest<T>(path, { method: 'POST', body });
}

export function patchJson<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>(path, { method: 'PATCH', body });
}
