/** Expected failures as values: a code, the HTTP status it maps to, and a sentence for a person. */

export const APP_ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export interface AppError {
  code: AppErrorCode;
  message: string;
  /** Field name -> sentence, for forms. */
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function appError(code: AppErrorCode, message: string, fields?: Record<string, string>): AppError {
  return fields ? { code, message, fields } : { code, message };
}

export function fail<T>(code: AppErrorCode, message: string, fields?: Record<string, string>): Result<T> {
  return { ok: false, error: appError(code, message, fields) };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** The JSON body and status for an error response. */
export function errorResponse(error: AppError): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
  const body = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  return Response.json(body, { status: APP_ERROR_STATUS[error.code], headers });
}
