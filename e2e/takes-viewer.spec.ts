/**
 * Takes and the viewer: Takes 2 makes two jobs shown in one row that both play; the viewer opens
 * from a poster, ←/→ walk the list it was opened from, the URL names the open take, Back and Esc
 * close it and focus goes back to the poster that opened it.
 */
import { getJob } from "./pw/api";
import { expect, test } from "./pw/fixtures";
import { jobCards, watchCard } from "./pw/gallery";
import { expectVideoPlays } from "./pw/player";
import { seedJobWithFiles } from "./pw/seed";
import { generationRows, posterButton, takeInUrl, viewer } from "./pw/viewer";

test("Takes 2: two jobs of one generation in one row, and both play", async ({ page, composer }) => {
  await composer.fill({ model: "local:preview", prompt: "A paper boat drifting on a pond, slow dolly in", duration: "2", resolution: "480p" });
  await composer.form.getByRole("radio", { name: "2 takes" }).check();
  await composer.generateButton.click();

  const row = generationRows(page).first();
  await expect(row.getByTestId("job-card")).toHaveCount(2);
  const ids = await row.getByTestId("job-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-job-id")!));
  for (const id of ids) await watchCard(row.locator(`[data-job-id="${id}"]`), "succeeded");

  const [a, b] = await Promise.all(ids.map((id) => getJob(page.request, id)));
  expect(a!.generationId, "both takes belong to one generation").toBeTruthy();
  expect(b!.generationId).toBe(a!.generationId);
  expect(b!.prompt).toBe(a!.prompt);
  // The local preview has no seed, so none is recorded; the takes are still two separate renders.
  expect(a!.video!.url).not.toBe(b!.video!.url);

  // Both play: each in the viewer, the second reached with the Next button.
  await posterButton(page, ids[0]!).click();
  await expect(viewer(page)).toHaveAttribute("data-job-id", ids[0]!);
  await expectVideoPlays(viewer(page).getByTestId("player"), 2);
  await viewer(page).getByRole("button", { name: "Next take" }).click();
  await expect(viewer(page)).toHaveAttribute("data-job-id", ids[1]!);
  await expectVideoPlays(viewer(page).getByTestId("player"), 2);
});

test("the viewer: opened from a poster, ←/→ move, the URL follows, Esc and Back close it and focus returns", async ({ page, app, account }) => {
  const now = Date.now();
  // Newest first in the gallery: c, b, a.
  const a = await seedJobWithFiles(app.dataDir, account.id, { prompt: "take a: a lighthouse at dusk", createdAt: now - 3_000 });
  const b = await seedJobWithFiles(app.dataDir, account.id, { prompt: "take b: a red fox in the rain", createdAt: now - 2_000 });
  const c = await seedJobWithFiles(app.dataDir, account.id, { prompt: "take c: an old tram crossing a bridge", createdAt: now - 1_000 });
  await page.goto("/gallery");
  await expect(jobCards(page)).toHaveCount(3);

  const poster = posterButton(page, b.id);
  await poster.focus();
  await page.keyboard.press("Enter");
  await expect(viewer(page)).toBeVisible();
  await expect(viewer(page)).toHaveAttribute("data-job-id", b.id);
  expect(takeInUrl(page)).toBe(b.id);
  await expect(viewer(page).getByText(b.prompt)).toBeVisible();

  await page.keyboard.press("ArrowRight");
  await expect(viewer(page)).toHaveAttribute("data-job-id", a.id);
  await expect.poll(() => takeInUrl(page)).toBe(a.id);
  await page.keyboard.press("ArrowRight");
  // The last one: → stays.
  await expect(viewer(page)).toHaveAttribute("data-job-id", a.id);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(viewer(page)).toHaveAttribute("data-job-id", c.id);
  await expect.poll(() => takeInUrl(page)).toBe(c.id);

  await page.keyboard.press("Escape");
  await expect(viewer(page)).toHaveCount(0);
  await expect.poll(() => takeInUrl(page)).toBeNull();
  await expect(poster, "focus returns to the poster that opened the viewer").toBeFocused();

  // Back closes it too, and a link to the take opens it.
  await posterButton(page, a.id).click();
  await expect(viewer(page)).toHaveAttribute("data-job-id", a.id);
  await page.goBack();
  await expect(viewer(page)).toHaveCount(0);
  expect(new URL(page.url()).pathname).toBe("/gallery");
  await page.goto(`/gallery?take=${a.id}`);
  await expect(viewer(page)).toHaveAttribute("data-job-id", a.id);
  await expectVideoPlays(viewer(page).getByTestId("player"), 2);
});
