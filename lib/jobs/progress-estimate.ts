/**
 * What a progress bar should show for a job in flight. The provider's own progress wins when it
 * reports one; otherwise a guess from the model's typical latency, flagged so the UI can say so.
 */

export interface ProgressInput {
  status: string;
  /** 0..1 as the provider reported it; 0 when it reports nothing. */
  progress: number;
  /** The provider's own estimate of the time left, as of `updatedAt`. */
  etaSeconds: number | null;
  createdAt: string;
  updatedAt: string;
  /** The model's usual time from request to video; null when the model is unknown. */
  typicalLatencySeconds: number | null;
  now: number;
}

export interface ProgressView {
  /** 0..1 */
  value: number;
  /** True when `value` is our guess rather than the provider's figure. */
  estimate: boolean;
  elapsedSeconds: number;
  /** Seconds left, or null when there is nothing to go on. */
  remainingSeconds: number | null;
  /** Past the usual time with no figure from the provider. */
  overdue: boolean;
}

const FALLBACK_LATENCY_SECONDS = 60;
/** A guess never claims to be done: it rises to 90% at the usual time, then creeps towards 99%. */
const AT_TYPICAL = 0.9;
const CEILING = 0.99;

export function estimateFraction(elapsedSeconds: number, typicalSeconds: number): number {
  const t = Math.max(1, typicalSeconds);
  const e = Math.max(0, elapsedSeconds);
  if (e <= t) return (AT_TYPICAL * e) / t;
  return AT_TYPICAL + (CEILING - AT_TYPICAL) * (1 - Math.exp(-(e - t) / t));
}

export function progressView(job: ProgressInput): ProgressView {
  const elapsedSeconds = Math.max(0, (job.now - Date.parse(job.createdAt)) / 1000);
  const typical = job.typicalLatencySeconds ?? FALLBACK_LATENCY_SECONDS;
  const sinceUpdate = Math.max(0, (job.now - Date.parse(job.updatedAt)) / 1000);
  const providerEta = job.etaSeconds !== null ? Math.max(0, job.etaSeconds - sinceUpdate) : null;
  const remainingSeconds = providerEta ?? Math.max(0, typical - elapsedSeconds);
  const overdue = providerEta === null && elapsedSeconds > typical;

  if (job.status === "saving") {
    // The provider is done; only our copy of the file is left.
    return { value: Math.max(job.progress, 0.95), estimate: job.progress <= 0, elapsedSeconds, remainingSeconds: null, overdue: false };
  }
  if (job.progress > 0) return { value: Math.min(1, job.progress), estimate: false, elapsedSeconds, remainingSeconds, overdue };
  return { value: estimateFraction(elapsedSeconds, typical), estimate: true, elapsedSeconds, remainingSeconds, overdue };
}

/**
 * A bar never moves backwards on screen: when the provider's first real figure is below the guess
 * already shown, the bar holds where it was, still marked as an estimate, until the real figure
 * passes it.
 */
export function neverBackwards(view: ProgressView, shownBefore: number): ProgressView {
  return view.value >= shownBefore ? view : { ...view, value: shownBefore, estimate: true };
}
