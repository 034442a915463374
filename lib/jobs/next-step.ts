/**
 * What a finished job's main way forward is. Retrying the same request only helps where the cause
 * may pass (a provider hiccup, a timeout, an expired file); a refusal or bad input would fail the
 * same way again, so the way forward is to edit it; an empty account needs the provider's settings.
 */
export type NextStep = "retry" | "edit" | "check-provider";

export function nextStep(status: string, errorCode: string | undefined | null): NextStep {
  if (status !== "failed") return "retry";
  if (errorCode === "content_policy" || errorCode === "invalid_input") return "edit";
  if (errorCode === "quota_exhausted") return "check-provider";
  return "retry";
}

/** Settings → Providers, where keys and accounts are checked. */
export const PROVIDER_SETTINGS_HREF = "/settings#providers-title";
