/** Image to video: upload a still, see its preview, generate, and play the result. */
import { getJob, listJobs } from "./pw/api";
import { expect, test } from "./pw/fixtures";
import { cardIds, cardLink, jobCard, newCardId, watchCard } from "./pw/gallery";
import { expectVideoPlays } from "./pw/player";
import { makeStillPng } from "./pw/sample-media";

test("an uploaded still becomes a video that plays", async ({ page, composer }) => {
  await composer.fill({ model: "local:preview", prompt: "A lighthouse on a cliff, slow dolly in", duration: "3", resolution: "480p" });

  await composer.image.setInputFiles({ name: "still.png", mimeType: "image/png", buffer: await makeStillPng(640, 360) });
  // A preview of the chosen still, and a way to take it back.
  await expect(composer.form.locator('img[src^="blob:"], img[src^="data:"]').first()).toBeVisible();
  await expect(composer.removeImage).toBeVisible();

  const before = await cardIds(page);
  await composer.generateButton.click();
  const id = await newCardId(page, before);
  await watchCard(jobCard(page, id), "succeeded");

  const job = await getJob(page.request, id);
  expect(job.imageUrl, "the job keeps its input image").toMatch(/^\/media\/uploads\//);
  expect(job.video?.durationSeconds).toBeCloseTo(3, 0);
  expect(await listJobs(page.request)).toHaveLength(1);

  await cardLink(jobCard(page, id), id).click();
  await page.waitForURL((url) => url.pathname === `/jobs/${id}`);
  await expectVideoPlays(page.getByTestId("player"), 3);
});
