/** The gallery by keyboard: arrows between posters, F favorites, Delete asks first, `/` searches, `?` lists the shortcuts. */
import { getJob } from "./pw/api";
import { expect, test } from "./pw/fixtures";
import { jobCards } from "./pw/gallery";
import { seedJobWithFiles } from "./pw/seed";
import { posterButton } from "./pw/viewer";

test("arrows, F, Delete, / and ? in the gallery", async ({ page, app, account }) => {
  const now = Date.now();
  const older = await seedJobWithFiles(app.dataDir, account.id, { prompt: "an old tram at dawn", createdAt: now - 2_000 });
  const newer = await seedJobWithFiles(app.dataDir, account.id, { prompt: "a snowy owl at night", createdAt: now - 1_000 });
  await page.goto("/gallery");
  await expect(jobCards(page)).toHaveCount(2);

  await posterButton(page, newer.id).focus();
  await page.keyboard.press("ArrowRight");
  await expect(posterButton(page, older.id)).toBeFocused();
  await page.keyboard.press("f");
  await expect.poll(async () => (await getJob(page.request, older.id)).favorite).toBe(true);
  await page.keyboard.press("ArrowLeft");
  await expect(posterButton(page, newer.id)).toBeFocused();

  await page.keyboard.press("Delete");
  const confirm = page.getByRole("dialog", { name: "Delete this video?" });
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  expect((await getJob(page.request, newer.id)).status, "nothing is deleted without the confirm").toBe("succeeded");

  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search prompts", { exact: true })).toBeFocused();
});
