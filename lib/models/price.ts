/**
 * Prices as rules, not one number, and the one pure estimate the composer, the API and the
 * ledger all use.
 */

export type PriceRule =
  /**
   * USD per second of output. `byResolution` overrides `usd` for the resolutions it names;
   * `withoutAudioUsd` (by resolution or flat) applies when the sound is turned off; a clip shorter
   * than `minSeconds` is billed as `minSeconds`.
   */
  | {
      kind: "per_second";
      usd: number;
      byResolution?: Readonly<Record<string, number>>;
      withoutAudioUsd?: number;
      minSeconds?: number;
    }
  /** USD per video, whatever its length. */
  | { kind: "per_request"; usd: number }
  /** The provider publishes no price we can turn into dollars (credits, GPU time). */
  | { kind: "unknown" };

export const UNKNOWN_PRICE: PriceRule = { kind: "unknown" };

export const perSecond = (usd: number, more: Omit<Extract<PriceRule, { kind: "per_second" }>, "kind" | "usd"> = {}): PriceRule => ({
  kind: "per_second",
  usd,
  ...more,
});

export interface PriceSettings {
  durationSeconds: number;
  resolution: string;
  /** false when the person turned the model's sound off; undefined or true: with sound. */
  audio?: boolean;
}

export interface Priced {
  engine: "ai" | "preview";
  price: PriceRule;
}

/** The rate per second a rule charges at these settings; null for per-request and unknown rules. */
export function ratePerSecond(rule: PriceRule, s: Pick<PriceSettings, "resolution" | "audio">): number | null {
  if (rule.kind !== "per_second") return null;
  if (s.audio === false && rule.withoutAudioUsd !== undefined) return rule.withoutAudioUsd;
  return rule.byResolution?.[s.resolution] ?? rule.usd;
}

/** What a video on this route with these settings costs in USD, to the tenth of a cent; null when the price is unknown. */
export function estimateUsd(route: Priced, settings: PriceSettings): number | null {
  if (route.engine === "preview") return 0;
  const rule = route.price;
  if (rule.kind === "unknown") return null;
  if (rule.kind === "per_request") return roundUsd(rule.usd);
  const seconds = Math.max(settings.durationSeconds, rule.minSeconds ?? 0);
  return roundUsd(ratePerSecond(rule, settings)! * seconds);
}

/** To a tenth of a cent: per-second prices like $0.004 stay visible, floating-point dust goes. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1000) / 1000;
}

/** Whether a job's typed options turn the sound off (`generate_audio: false`); undefined: the model's default, with sound. */
export function audioSetting(options: Readonly<Record<string, string | boolean>> | null | undefined): boolean | undefined {
  return options?.generate_audio === false ? false : undefined;
}
