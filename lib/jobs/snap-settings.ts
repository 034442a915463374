/**
 * When the composer switches model, the settings that the new model allows are kept and the rest
 * move to the nearest value it does allow, so a person's choices survive as far as they can.
 * Pure: the composer runs it in the browser, remix runs it on the server.
 */

export interface VideoSettings {
  aspectRatio: string;
  durationSeconds: number;
  resolution: string;
  fps: number;
}

/** The part of a model's catalog entry that bounds its settings. */
export interface SettingsLimits {
  aspectRatios: readonly string[];
  durations: readonly number[];
  resolutions: readonly string[];
  fps: readonly number[];
  defaults: VideoSettings;
}

/**
 * The allowed value closest to `wanted` by `distance`. Ties go to the model's default when it is
 * among them, otherwise to the earlier value in the model's list (lists run small to large, so
 * the cheaper choice wins).
 */
function nearest<T>(wanted: T, allowed: readonly T[], fallback: T, distance: (a: T, b: T) => number): T {
  if (allowed.length === 0) return fallback;
  if (allowed.includes(wanted)) return wanted;
  let best: T[] = [];
  let bestDistance = Infinity;
  for (const value of allowed) {
    const d = distance(wanted, value);
    if (!Number.isFinite(d)) continue;
    if (d < bestDistance) {
      best = [value];
      bestDistance = d;
    } else if (d === bestDistance) best.push(value);
  }
  if (best.length === 0) return allowed.includes(fallback) ? fallback : (allowed[0] ?? fallback);
  return best.includes(fallback) ? fallback : (best[0] ?? fallback);
}

/** "16:9" -> 16/9; NaN when it is not a ratio. */
export function ratioValue(aspectRatio: string): number {
  const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspectRatio.trim());
  if (!m) return NaN;
  const w = Number(m[1]);
  const h = Number(m[2]);
  return w > 0 && h > 0 ? w / h : NaN;
}

/** "720p" -> 720; NaN otherwise. */
function resolutionHeight(resolution: string): number {
  const m = /^(\d+)p$/i.exec(resolution.trim());
  return m ? Number(m[1]) : NaN;
}

// Ratios compare on a log scale, so 16:9 is as far from 1:1 as 9:16 is.
const ratioDistance = (a: string, b: string) => Math.abs(Math.log(ratioValue(a)) - Math.log(ratioValue(b)));
const heightDistance = (a: string, b: string) => Math.abs(resolutionHeight(a) - resolutionHeight(b));
const numberDistance = (a: number, b: number) => Math.abs(a - b);

function snapAspectRatio(wanted: string | undefined, limits: SettingsLimits): string {
  return nearest(wanted ?? limits.defaults.aspectRatio, limits.aspectRatios, limits.defaults.aspectRatio, ratioDistance);
}

function snapDuration(wanted: number | undefined, limits: SettingsLimits): number {
  const value = wanted !== undefined && Number.isFinite(wanted) ? wanted : limits.defaults.durationSeconds;
  return nearest(value, limits.durations, limits.defaults.durationSeconds, numberDistance);
}

function snapResolution(wanted: string | undefined, limits: SettingsLimits): string {
  return nearest(wanted ?? limits.defaults.resolution, limits.resolutions, limits.defaults.resolution, heightDistance);
}

function snapFps(wanted: number | undefined, limits: SettingsLimits): number {
  const value = wanted !== undefined && Number.isFinite(wanted) ? wanted : limits.defaults.fps;
  return nearest(value, limits.fps, limits.defaults.fps, numberDistance);
}

/** Every setting the model allows as it is; the others at the nearest allowed value; missing ones at the model's default. */
export function snapSettings(current: Partial<VideoSettings>, limits: SettingsLimits): VideoSettings {
  return {
    aspectRatio: snapAspectRatio(current.aspectRatio, limits),
    durationSeconds: snapDuration(current.durationSeconds, limits),
    resolution: snapResolution(current.resolution, limits),
    fps: snapFps(current.fps, limits),
  };
}
