/**
 * The composer keeps video settings as the strings the form sends, so what is shown is what is
 * submitted; snapping them to a model works on numbers. These convert between the two.
 */
import type { VideoSettings } from "@/lib/jobs/snap-settings";

export interface SettingsValues {
  aspectRatio: string;
  durationSeconds: string;
  resolution: string;
  fps: string;
}

export function toFormValues(s: VideoSettings): SettingsValues {
  return { aspectRatio: s.aspectRatio, durationSeconds: String(s.durationSeconds), resolution: s.resolution, fps: String(s.fps) };
}

export function fromFormValues(v: SettingsValues): VideoSettings {
  return { aspectRatio: v.aspectRatio, durationSeconds: Number(v.durationSeconds), resolution: v.resolution, fps: Number(v.fps) };
}
