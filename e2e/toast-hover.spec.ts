/**
 * Toasts in the browser, on the page's own clock (Playwright's fake timers), so nothing waits on
 * wall-clock time: three videos finishing together make one "3 videos are ready" toast whose Play
 * opens the newest; it keeps its time while the pointer is on it, however long, and leaves once the
 * pointer has gone and its remaining life has run out. What is read is the toaster's own record of
 * each toast's remaining life (data-remaining-ms), not a moment caught on screen.
 */
import type { Page } from "@playwright/test";
import { inArray } from "drizzle-orm";
import { expect, test } from "./pw/fixtures";
import { jobCards } from "./pw/gallery";
import { seedJobWithFiles, type SeededJob } from "./pw/seed";
import { withDb } from "./support/test-db";

/** A toast's lifetime is seconds; the pointer rests on it for far longer than that. */
const HOVER_MS = 60_000;

/**
 * Stops the page's clock a moment ahead of where the page's own clock is (not the test's: on a
 * loaded machine the two drift, and pausing at a time the page has passed is refused). The page's
 * clock keeps flowing while the call travels, so a target it has already passed is tried again.
 */
async function pauseSoon(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const pageNow = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(pageNow + 2_000);
      return;
    } catch (err) {
      if (attempt >= 5 || !String(err).includes("to the past")) throw err;
    }
  }
}

test("a ready toast coalesces, stands still while hovered and leaves after the pointer moves away", async ({ page, app, account }) => {
  const now = Date.now();
  // Parked "running" rows (no worker touches them) that already hold their files, so finishing is one write.
  const jobs: SeededJob[] = [];
  for (let i = 0; i < 3; i++) {
    const id = `toast-${i}-${now.toString(36)}`;
    jobs.push(
      await seedJobWithFiles(app.dataDir, account.id, {
        id,
        status: "running",
        prompt: `toast take ${i + 1}: a lantern on a lake`,
        createdAt: now - (3 - i) * 1_000,
        videoKey: `videos/${id}.mp4`,
        posterKey: `posters/${id}.webp`,
      }),
    );
  }
  const newest = jobs[2]!;

  // The stream is refused, so news comes from the poller, whose timers run on the page's clock.
  await page.route("**/api/jobs/events**", (route) => route.fulfill({ status: 503, body: "" }));
  await page.clock.install();
  await page.goto("/gallery");
  await expect(jobCards(page).and(page.locator('[data-status="running"]'))).toHaveCount(3);
  await expect(page.locator("html")).toHaveAttribute("data-live-updates", "polling");
  await pauseSoon(page);

  const finishedAt = Date.now();
  await withDb(app.dataDir, (db) =>
    db.orm
      .update(db.t.jobs)
      .set({ status: "succeeded", progress: 1, etaSeconds: null, completedAt: finishedAt, updatedAt: finishedAt, videoDurationSeconds: 2, videoWidth: 320, videoHeight: 180, videoCodec: "h264" })
      .where(inArray(db.t.jobs.id, jobs.map((j) => j.id))),
  );

  const ready = page.getByTestId("toasts").getByRole("status").filter({ hasText: /ready/ });
  // Only the page's clock moves the poller: step it until the news is in.
  await expect
    .poll(
      async () => {
        await page.clock.runFor(1_000);
        return ready.count();
      },
      { timeout: 30_000, message: "the poller saw the three finish" },
    )
    .toBe(1);
  await expect(ready).toContainText("3 videos are ready");
  await expect(ready.getByRole("link", { name: "Play" }), "the action opens the newest").toHaveAttribute("href", `/jobs/${newest.id}`);

  const remaining = async () => Number(await ready.getAttribute("data-remaining-ms"));
  // The control: with nobody on it, a second of the page's time is a second off its life.
  const r0 = await remaining();
  expect(r0).toBeGreaterThan(2_000);
  await page.clock.runFor(1_000);
  await expect.poll(remaining).toBeCloseTo(r0 - 1_000, -1);

  // Hovered far past its lifetime: its clock stands still.
  const r1 = await remaining();
  await ready.hover();
  await page.clock.runFor(HOVER_MS);
  await expect(ready).toHaveAttribute("data-remaining-ms", String(r1));

  // The pointer goes: time runs again from where it stood (a fact read after the next ticks,
  // so a toast lost while hovered could not pass here), and then it leaves.
  await page.mouse.move(4, 4);
  await page.clock.runFor(1_000);
  await expect.poll(remaining).toBeCloseTo(r1 - 1_000, -1);
  await page.clock.runFor(r1);
  await expect(ready).toHaveCount(0);
});
