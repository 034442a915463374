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

/** Starts the video muted and proves it plays; checks its duration when one is given (±0.2 s). */
export async function expectVideoPlays(player: Locator, expectedSeconds?: number): Promise<void> {
  await expect(player).toBeVisible();
  await player.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  const start = (await read(player)).currentTime;
  await expect
    .poll(async () => {
      const s = await read(player);
      return s.error === null && s.readyState === 4 && s.currentTime > start + 0.1;
    }, { message: "the video should reach readyState 4 and its currentTime advance", timeout: 20_000 })
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
