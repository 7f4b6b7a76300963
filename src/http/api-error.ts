/**
 * The one error format of the API: { error, message, details }. `error` is a stable
 * code for programs; `message` is "中文 / English" for people.
 */
export interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    zh: string,
    en: string,
    readonly details?: unknown,
  ) {
    super(`${zh} / ${en}`);
  }

  toBody(): ErrorBody {
    return { error: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}
