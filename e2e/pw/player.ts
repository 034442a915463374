/** A real playback check in the browser (see MEDIA.md): muted play(), readyState 4, time advancing. */
import { expect, type Locator } from "@playwright/test";

interface VideoState {
  readyState: number;
  currentTime: number;
  duration: number;
  error: number | null;
}

const read = (player: Locator) =>
  player.evaluate((v: HTMLVideoElement): VideoState => ({ readyState: v.readyState, currentTime: v.currentTime, duration: v.duration, error: v.error?.code ?? null }));

/**
 * Starts the video muted and proves it plays; checks its duration when one is given (±0.2 s).
 * The browser records the facts as they happen (canplaythrough, time advancing, ended), so a short clip
 * that has already ended when the test looks (readyState falls back to 2 at the end) still counts.
 */
export async function expectVideoPlays(player: Locator, expectedSeconds?: number): Promise<void> {
  await expect(player).toBeVisible();
  await player.evaluate(async (v: HTMLVideoElement) => {
    const seen = { enough: v.readyState === 4, start: v.currentTime, advanced: false };
    (v as HTMLVideoElement & { __played?: typeof seen }).__played = seen;
    v.addEventListener("canplaythrough", () => (seen.enough = true));
    const advance = () => {
      if (v.readyState === 4) seen.enough = true;
      if (v.currentTime > seen.start + 0.1 || v.ended) seen.advanced = true;
    };
    v.addEventListener("timeupdate", advance);
    v.addEventListener("ended", advance);
    v.muted = true;
    await v.play();
  });
  await expect
    .poll(
      () =>
        player.evaluate((v: HTMLVideoElement) => {
          const seen = (v as HTMLVideoElement & { __played?: { enough: boolean; advanced: boolean } }).__played;
          return v.error === null && seen?.enough === true && seen.advanced;
        }),
      { message: "the video should reach readyState 4 and its currentTime advance", timeout: 30_000 },
    )
    .toBe(true);
  if (expectedSeconds !== undefined) {
    const { duration } = await read(player);
    expect(Math.abs(duration - expectedSeconds), `duration ${duration} s, expected ${expectedSeconds} s`).toBeLessThanOrEqual(0.2);
  }
}

/** The URL the player is actually loading (its src, or the chosen <source>), absolute. */
export function playerSource(player: Locator): Promise<string> {
  return player.evaluate((v: HTMLVideoElement) => v.currentSrc || v.src || v.querySelector("source")?.src || "");
}
