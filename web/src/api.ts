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

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

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

  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isApiErrorBody(payload)) {
      throw new ApiError(payload.message, {
        kind: 'api',
        status: response.status,
        code: payload.error,
        details: payload.details,
      });
    }
    throw new ApiError(`HTTP ${response.status}`, { kind: 'unexpected', status: response.status });
  }
  if (payload === undefined) {
    // A 2xx without JSON usually means the SPA's index.html answered instead of the API.
    throw new ApiError(`HTTP ${response.status} without JSON`, { kind: 'unexpected', status: response.status });
  }
  return payload as T;
}

export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>(path, { signal });
}
