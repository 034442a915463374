/** Gallery card actions: cancel, retry, remix, delete (files gone), favorite + filter, search. */
import { createJob, getJob, listJobs } from "./pw/api";
import { Composer } from "./pw/composer";
import { expect, test } from "./pw/fixtures";
import { GalleryFilters, cardButton, cardIds, jobCard, jobCards, newCardId } from "./pw/gallery";
import { seedJobWithFiles } from "./pw/seed";
import { isStored } from "./support/stored-files";

test("cancel a long job while it renders", async ({ page, account: _signedUp }) => {
  const id = await createJob(page.request, { prompt: "A neon city at night, slow dolly in", durationSeconds: 10, resolution: "1080p" });
  await new GalleryFilters(page).open();
  const card = jobCard(page, id);
  // The studio records the render starting; a card's look at that moment is a sample, not a fact to wait on.
  await expect.poll(async () => (await getJob(page.request, id)).history.some((h) => h.to === "running"), { timeout: 60_000 }).toBe(true);
  await cardButton(card, "Cancel").click();
  await expect(card).toHaveAttribute("data-status", "canceled");
  await expect(cardButton(card, "Cancel")).toHaveCount(0);
  const job = await getJob(page.request, id);
  expect(job.status).toBe("canceled");
  expect(job.history.at(-1)).toMatchObject({ from: "running", to: "canceled", source: "user" });
});

test("retry a failed job makes a new job from the same request", async ({ page, account, app }) => {
  const failed = await seedJobWithFiles(app.dataDir, account.id, { status: "failed", prompt: "A desert caravan at dawn, pan left", durationSeconds: 2, resolution: "480p" });
  await new GalleryFilters(page).open();
  await expect(jobCard(page, failed.id)).toHaveAttribute("data-status", "failed");
  await cardButton(jobCard(page, failed.id), "Retry").click();

  const retryId = await newCardId(page, [failed.id]);
  await expect(jobCards(page)).toHaveCount(2);
  const retried = await getJob(page.request, retryId);
  expect(retried).toMatchObject({ parentId: failed.id, prompt: failed.prompt, model: "local:preview", durationSeconds: 2, resolution: "480p" });
  await expect(jobCard(page, retryId), "the new card shows the same prompt").toContainText(failed.prompt);
  await expect(jobCard(page, failed.id)).toHaveAttribute("data-status", "failed");
  // How the new take renders is the composer specs' business: spare the worker the render.
  await page.request.post(`/api/jobs/${retryId}/cancel`);
});

test("remix fills the composer with the job's prompt and settings", async ({ page, account, app }) => {
  const source = await seedJobWithFiles(app.dataDir, account.id, { prompt: "An old tram in the fog, tilt up, 35mm film", aspectRatio: "9:16", durationSeconds: 4, resolution: "720p", seed: 4242 });
  await new GalleryFilters(page).open();
  await cardButton(jobCard(page, source.id), "Remix").click();

  const composer = new Composer(page);
  await expect(composer.prompt).toHaveValue(source.prompt);
  await expect(composer.model).toHaveValue("local:preview");
  await expect(composer.aspectRatio("9:16")).toBeChecked();
  await expect(composer.duration).toHaveValue("4");
  await expect(composer.resolution).toHaveValue("720p");
  await expect(composer.form.getByLabel("Seed", { exact: true })).toHaveValue("4242");
  await expect(composer.parentId).toHaveValue(source.id);
});

test("delete asks first, then removes the job and its files", async ({ page, account, app }) => {
  const doomed = await seedJobWithFiles(app.dataDir, account.id, { prompt: "A paper boat that will be deleted" });
  const kept = await seedJobWithFiles(app.dataDir, account.id, { prompt: "A paper boat that stays" });
  for (const key of [`videos/${doomed.id}.mp4`, `posters/${doomed.id}.webp`]) expect(await isStored(app.dataDir, key), key).toBe(true);

  await new GalleryFilters(page).open();
  await expect(jobCards(page)).toHaveCount(2);
  await cardButton(jobCard(page, doomed.id), "Delete").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();

  await expect(jobCard(page, doomed.id)).toHaveCount(0);
  await expect(jobCard(page, kept.id)).toBeVisible();
  await expect.poll(() => isStored(app.dataDir, `videos/${doomed.id}.mp4`), { message: "the video is gone from storage" }).toBe(false);
  expect(await isStored(app.dataDir, `posters/${doomed.id}.webp`), "the poster is gone too").toBe(false);
  expect((await page.request.get(`/api/jobs/${doomed.id}`)).status()).toBe(404);
  expect(await isStored(app.dataDir, `videos/${kept.id}.mp4`)).toBe(true);
});

test("favorite a job and filter to favorites", async ({ page, account, app }) => {
  const now = Date.now();
  const owl = await seedJobWithFiles(app.dataDir, account.id, { prompt: "A snowy owl at dusk", createdAt: now });
  const fox = await seedJobWithFiles(app.dataDir, account.id, { prompt: "A red fox in the rain", createdAt: now - 60_000 });
  const teapot = await seedJobWithFiles(app.dataDir, account.id, { prompt: "A glass teapot, static shot", createdAt: now - 120_000 });

  const filters = await new GalleryFilters(page).open();
  await expect(jobCards(page)).toHaveCount(3);
  const favorite = cardButton(jobCard(page, fox.id), "Favorite");
  await expect(favorite).toHaveAttribute("aria-pressed", "false");
  await favorite.click();
  await expect(favorite).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await getJob(page.request, fox.id)).favorite).toBe(true);

  await filters.favoritesOnly.check();
  await expect.poll(() => cardIds(page)).toEqual([fox.id]);
  await filters.favoritesOnly.uncheck();
  await expect.poll(() => cardIds(page)).toEqual([owl.id, fox.id, teapot.id]);

  // The favorite is stored, not just shown: it survives a reload.
  await page.reload();
  await expect(cardButton(jobCard(page, fox.id), "Favorite")).toHaveAttribute("aria-pressed", "true");
  expect((await listJobs(page.request, "favorite=true")).map((j) => j.id)).toEqual([fox.id]);
});

test("search finds jobs by words in their prompts", async ({ page, account, app }) => {
  const now = Date.now();
  const prompts = ["A lighthouse at dusk, slow dolly in", "A red fox crossing a bridge", "A lighthouse in a storm, pan left", "A desert caravan, watercolor"];
  const ids: string[] = [];
  for (const [i, prompt] of prompts.entries()) ids.push((await seedJobWithFiles(app.dataDir, account.id, { prompt, createdAt: now - i * 60_000 })).id);

  const filters = await new GalleryFilters(page).open();
  await expect(jobCards(page)).toHaveCount(4);
  await filters.search.fill("lighthouse");
  await expect.poll(() => cardIds(page)).toEqual([ids[0], ids[2]]);
  await filters.search.fill("fox");
  await expect.poll(() => cardIds(page)).toEqual([ids[1]]);
  await filters.search.fill("carav"); // a word's beginning is enough
  await expect.poll(() => cardIds(page)).toEqual([ids[3]]);
  await filters.search.fill("submarine");
  await expect.poll(() => cardIds(page)).toEqual([]);
  await filters.search.fill("");
  await expect.poll(() => cardIds(page)).toEqual(ids);
});
