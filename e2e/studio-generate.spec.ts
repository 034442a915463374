/**
 * Sign up, generate from text with the local preview, watch it finish, and play it on its job page.
 * The whole path a new person takes, so the sign-up is spelled out here rather than left to the
 * `account` fixture.
 */
import { newAccount, signUp } from "./pw/accounts";
import { getJob } from "./pw/api";
import { Composer } from "./pw/composer";
import { expect, test } from "./pw/fixtures";
import { cardIds, cardLink, jobCard, newCardId, watchCard } from "./pw/gallery";
import { expectVideoPlays } from "./pw/player";

test("text to video with the local preview: progress, a toast, and a video that plays", async ({ page }) => {
  await signUp(page, newAccount());
  const composer = await new Composer(page).open();
  await composer.fill({ model: "local:preview", prompt: "A red fox crossing a snowy bridge at dusk, slow dolly in, cinematic", duration: "3", resolution: "480p" });

  const before = await cardIds(page);
  await composer.generateButton.click();

  // The card appears at once, before the job has finished, with a progress bar.
  const id = await newCardId(page, before);
  const card = jobCard(page, id);
  await expect(card.getByRole("progressbar")).toBeVisible();

  const ready = page.getByRole("status").filter({ hasText: "Your video is ready" }).first();
  const [progress] = await Promise.all([watchCard(card, "succeeded"), expect(ready).toBeVisible({ timeout: 90_000 })]);
  // aria-valuenow is a percentage: a value strictly between 0 and 100 means the bar moved.
  expect(progress.filter((v) => v > 0 && v < 100), `the bar moved along the way (it showed ${progress.join(", ")})`).not.toEqual([]);
  expect(progress, "progress never goes backwards").toEqual([...progress].sort((a, b) => a - b));
  await expect(card.getByRole("progressbar")).toHaveCount(0);

  const job = await getJob(page.request, id);
  expect(job).toMatchObject({ model: "local:preview", durationSeconds: 3, resolution: "480p", status: "succeeded" });

  await cardLink(card, id).click();
  await page.waitForURL((url) => url.pathname === `/jobs/${id}`);
  await expectVideoPlays(page.getByTestId("player"), 3);
});
