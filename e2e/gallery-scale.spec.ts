/** A gallery of 2,000 jobs: the first cards come quickly, scrolling pages through them in order, filters and search are exact. */
import type { Page } from "@playwright/test";
import { expect, test } from "./pw/fixtures";
import { GalleryFilters, cardIds, jobCards } from "./pw/gallery";
import { RARE_WORD, SEED_MODELS, seedJobs, type SeededJob } from "./pw/seed";

const TOTAL = 2_000;
const [, KLING, LTX] = SEED_MODELS;

/** Brings the end of the list into view (window or inner scroller), which asks for the next page. */
async function scrollToEnd(page: Page): Promise<void> {
  await jobCards(page).last().scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

/**
 * A filter change is a navigation that server-renders a 2,000-job gallery: on a machine running
 * two suites at once it took over 20 s to land, so each answer may take a minute.
 */
const SETTLE = { timeout: 60_000 };

/** The gallery shows exactly `expected` (newest first): all of it when small, else its first cards and nothing else. */
async function expectShows(page: Page, expected: SeededJob[], what: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const ids = expected.map((j) => j.id);
  if (ids.length <= 30) {
    await expect.poll(() => cardIds(page), { ...SETTLE, message: `${what}: all ${ids.length} matching jobs` }).toEqual(ids);
    return;
  }
  await expect.poll(async () => (await cardIds(page)).slice(0, 12), { ...SETTLE, message: `${what}: the newest matching jobs first` }).toEqual(ids.slice(0, 12));
  const shown = await cardIds(page);
  expect(shown, `${what}: only matching jobs, in order`).toEqual(ids.slice(0, shown.length));
}

test("2,000 jobs: quick first cards, infinite scroll in order, exact filters and search", async ({ page, account, app }, testInfo) => {
  test.setTimeout(360_000);
  const seeded = await seedJobs(app.dataDir, account.id, TOTAL);
  const count = (f: (j: SeededJob) => boolean) => seeded.filter(f);

  const t0 = Date.now();
  const filters = new GalleryFilters(page);
  await page.goto("/gallery");
  await expect(jobCards(page).first()).toBeVisible({ timeout: 5_000 });
  testInfo.annotations.push({ type: "first card visible", description: `${Date.now() - t0} ms after navigation started` });

  const first = await cardIds(page);
  expect(first.length, "paged: not all 2,000 at once").toBeLessThan(200);
  expect(first, "newest first").toEqual(seeded.slice(0, first.length).map((j) => j.id));

  // Scrolling loads further pages; ids are collected in page order, so a virtualised list works too.
  const order: string[] = [];
  const collect = async () => {
    for (const id of await cardIds(page)) if (!order.includes(id)) order.push(id);
    return order.length;
  };
  for (const past of [60, 90, 120]) {
    await expect
      .poll(async () => {
        await scrollToEnd(page);
        return collect();
      }, { message: `more than ${past} jobs after scrolling`, timeout: 60_000 })
      .toBeGreaterThan(past);
  }
  expect(order, "pages follow one another, newest first, no gaps or repeats").toEqual(seeded.slice(0, order.length).map((j) => j.id));

  await filters.status.selectOption("failed");
  await expectShows(page, count((j) => j.status === "failed"), "Status: Failed");

  await filters.status.selectOption("active");
  const active = count((j) => ["queued", "submitted", "running", "saving"].includes(j.status));
  expect(active.length, "guard: the seed keeps 1 job in 100 running").toBe(TOTAL / 100);
  await expectShows(page, active, "Status: In progress");

  await filters.status.selectOption({ label: "All" });
  await filters.model.selectOption(LTX);
  await expectShows(page, count((j) => j.model === LTX), `Model: ${LTX}`);

  await filters.status.selectOption("succeeded");
  await filters.model.selectOption(KLING);
  await filters.search.fill(RARE_WORD);
  const narrow = count((j) => j.status === "succeeded" && j.model === KLING && j.prompt.includes(RARE_WORD));
  expect(narrow.length, "the seeded data has a small, non-empty answer here").toBeGreaterThan(0);
  await expectShows(page, narrow, `Succeeded + ${KLING} + search`);

  await filters.search.fill("");
  await filters.model.selectOption({ label: "All" });
  await filters.status.selectOption("canceled");
  await filters.favoritesOnly.check();
  const favCanceled = count((j) => j.status === "canceled" && j.favorite);
  expect(favCanceled.length).toBeGreaterThan(0);
  await expectShows(page, favCanceled, "Canceled + favorites");

  await filters.favoritesOnly.uncheck();
  await filters.status.selectOption({ label: "All" });
  await expectShows(page, seeded, "no filters");
});
