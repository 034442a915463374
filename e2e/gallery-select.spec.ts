/**
 * Picking several videos without a mouse drag: ⌘/Ctrl-click on a poster selects it (it does not
 * open the viewer), the bulk bar favorites and deletes what is picked (delete asks first), and on
 * a grid poster R remixes while Space opens the viewer.
 */
import { getJob } from "./pw/api";
import { expect, test } from "./pw/fixtures";
import { jobCards } from "./pw/gallery";
import { seedJobWithFiles } from "./pw/seed";
import { posterButton, viewer } from "./pw/viewer";

test("⌘/Ctrl-click selects; the bulk bar favorites both, then deletes both after the confirm", async ({ page, app, account }) => {
  const now = Date.now();
  const a = await seedJobWithFiles(app.dataDir, account.id, { prompt: "pick one: a koi pond from above", createdAt: now - 3_000 });
  const keep = await seedJobWithFiles(app.dataDir, account.id, { prompt: "left alone: a foggy pier", createdAt: now - 2_000 });
  const b = await seedJobWithFiles(app.dataDir, account.id, { prompt: "pick two: a desert road at noon", createdAt: now - 1_000 });
  await page.goto("/gallery");
  await expect(jobCards(page)).toHaveCount(3);

  await posterButton(page, a.id).click({ modifiers: ["ControlOrMeta"] });
  await posterButton(page, b.id).click({ modifiers: ["ControlOrMeta"] });
  await expect(viewer(page), "a modified click picks, it does not open").toHaveCount(0);
  const bar = page.getByRole("region", { name: "Selected videos" });
  await expect(bar).toContainText("2 selected");
  await expect(page.getByLabel(`Select: ${a.prompt}`)).toBeChecked();

  await bar.getByRole("button", { name: "Favorite", exact: true }).click();
  await expect.poll(async () => [(await getJob(page.request, a.id)).favorite, (await getJob(page.request, b.id)).favorite]).toEqual([true, true]);
  expect((await getJob(page.request, keep.id)).favorite).toBe(false);

  await bar.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Delete 2 videos?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(jobCards(page)).toHaveCount(1);
  await expect.poll(async () => (await page.request.get(`/api/jobs/${a.id}`)).status()).toBe(404);
  expect((await page.request.get(`/api/jobs/${b.id}`)).status()).toBe(404);
  expect((await getJob(page.request, keep.id)).status, "the one not picked stays").toBe("succeeded");
});

test("on a focused poster, Space opens the viewer and R remixes", async ({ page, app, account }) => {
  const job = await seedJobWithFiles(app.dataDir, account.id, { prompt: "a cable car over a valley, slow pan" });
  await page.goto("/gallery");
  await posterButton(page, job.id).focus();
  await page.keyboard.press(" ");
  await expect(viewer(page)).toHaveAttribute("data-job-id", job.id);
  await page.keyboard.press("Escape");
  await expect(viewer(page)).toHaveCount(0);
  await expect(posterButton(page, job.id)).toBeFocused();

  await page.keyboard.press("r");
  await page.waitForURL((u) => u.pathname === "/" && u.searchParams.get("remix") === job.id);
  await expect(page.getByRole("form", { name: "Composer" }).getByLabel("Prompt", { exact: true })).toHaveValue(job.prompt);
});
