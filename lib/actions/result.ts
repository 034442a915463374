import type { AppError } from "../errors";

/** What a server action returns: expected failures are values with a sentence and per-field messages. */
export type ActionResult<T = null> =
  | { ok: true; value: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };


export function actionFail<T = never>(error: string, fieldErrors?: Record<string, string>): ActionResult<T> {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error };
}

export function fromAppError<T = never>(e: AppError): ActionResult<T> {
  return actionFail(e.message, e.fields);
}

export const SIGNED_OUT = "Your session has ended. Sign in again to continue.";
export const NO_SUCH_JOB = "That video no longer exists, or it is not yours.";
