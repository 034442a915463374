/**
 * Live job state in the browser: while the event stream is connected the gallery card becomes
 * playable with no polling at all; with the stream blocked the poller still brings it there.
 */
import type { Page, Request } from "@playwright/test";
import { createJob, getJob } from "./pw/api";
import { expect, test } from "./pw/fixtures";
import { jobCard, newCardId } from "./pw/gallery";

const isPoll = (r: Request) => {
  const url = new URL(r.url());
  return url.pathname === "/api/jobs" && url.searchParams.has("changedSince");
};
const isStream = (r: Request) => new URL(r.url()).pathname === "/api/jobs/events";

/** Every poll and stream request the page makes from now on. */
function recordRequests(page: Page): { polls: string[]; streams: string[] } {
  const seen = { polls: [] as string[], streams: [] as string[] };
  page.on("request", (r) => {
    if (isPoll(r)) seen.polls.push(r.url());
    if (isStream(r)) seen.streams.push(r.url());
  });
  return seen;
}

async function expectPlayable(page: Page, id: string): Promise<void> {
  const card = jobCard(page, id);
  await expect(card).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await expect(card.locator(`img[src="/media/posters/${id}.webp"]`)).toBeVisible();
}

test("the gallery card becomes playable from the stream, with no poll request", async ({ page, account: _signedUp }) => {
  const seen = recordRequests(page);
  await page.goto("/gallery");
  await expect(page.locator("html")).toHaveAttribute("data-live-updates", "stream");
  const pollsBefore = seen.polls.length;

  // Made elsewhere (a script, another tab): only the stream can bring it to this page.
  const id = await createJob(page.request, { prompt: "a lighthouse beam sweeping through fog, slow dolly in" });
  await newCardId(page, []);
  await expectPlayable(page, id);

  expect(seen.polls.slice(pollsBefore), "no poll while the stream is connected").toEqual([]);
  expect(seen.streams.length).toBeGreaterThan(0);
  await expect(page.locator("html")).toHaveAttribute("data-live-updates", "stream");
  expect((await getJob(page.request, id)).status).toBe("succeeded");
});

test("with the stream blocked, the card still becomes playable by polling", async ({ page, account: _signedUp }) => {
  // The page learns of the job from its first render (a queued card); only the poller can bring the rest.
  await page.route("**/api/jobs/events**", (route) => route.abort());
  const seen = recordRequests(page);
  // Long enough to still be rendering when the page has loaded: the poller has to bring the change.
  const id = await createJob(page.request, { prompt: "a red kite over green hills, pan left", durationSeconds: 8 });
  await page.goto("/gallery");
  await expect(jobCard(page, id)).not.toHaveAttribute("data-status", "succeeded");
  await expect(page.locator("html")).toHaveAttribute("data-live-updates", "polling");
  await expectPlayable(page, id);
  await expect(page.getByRole("status").filter({ hasText: "Your video is ready" }).first()).toBeVisible();
  expect(seen.polls.length, "the poller did the work").toBeGreaterThan(0);
});
