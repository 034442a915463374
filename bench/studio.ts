/** 5. The studio in the browser: first-load JS of `/`, gallery LCP with 2,000 jobs, the unchanged poll. */
import { benchFirstLoadJs, firstLoadJsMeasure } from "./first-load-js";
import { benchGalleryLcp, galleryLcpMeasure } from "./gallery-lcp";
import { SEEDED_JOBS, startStudio, type Studio } from "./studio-server";
import { benchUnchangedPoll, unchangedPollMeasure } from "./unchanged-poll";
import type { Measurement } from "./util";

export async function benchStudio(dataDir: string): Promise<Measurement[]> {
  let studio: Studio;
  try {
    studio = await startStudio(dataDir);
  } catch (err) {
    const error = `could not start a signed-in studio with ${SEEDED_JOBS} jobs: ${String(err)}`;
    return [firstLoadJsMeasure, galleryLcpMeasure, unchangedPollMeasure].map((m) => ({ ...m, value: null, pass: false, details: {}, error }));
  }
  try {
    return [await benchFirstLoadJs(studio), await benchGalleryLcp(studio), await benchUnchangedPoll(studio)];
  } finally {
    await studio.close();
  }
}
