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
import { seedJobWithFiles } from "./pw/seed";

test("text to video with the local preview: progress, a toast, and a video that plays", async ({ page }) => {
  await signUp(page, newAccount());
  const composer = await new Composer(page).open();
  await composer.fill({ model: "local:preview", prompt: "A red fox crossing a snowy bridge at dusk, slow dolly in, cinematic", duration: "3", resolution: "480p" });

  const before = await cardIds(page);
  await composer.generateButton.click();

  // The card appears at once. What it showed on the way is a sample of a short render (the bar of an
  // active job is checked on a parked one below); what the studio did is in the job's recorded history.
  const id = await newCardId(page, before);
  const card = jobCard(page, id);

  const ready = page.getByRole("status").filter({ hasText: "Your video is ready" }).first();
  const [progress] = await Promise.all([watchCard(card, "succeeded"), expect(ready).toBeVisible({ timeout: 90_000 })]);
  // Holds for any sample: aria-valuenow is a percentage, and progress only grows.
  expect(progress, "progress never goes backwards").toEqual([...progress].sort((a, b) => a - b));
  await expect(card.getByRole("progressbar")).toHaveCount(0);

  const job = await getJob(page.request, id);
  expect(job).toMatchObject({ model: "local:preview", durationSeconds: 3, resolution: "480p", status: "succeeded" });
  expect(job.history.map((h) => h.to).slice(-2)).toEqual(["saving", "succeeded"]);

  await cardLink(card, id).click();
  await page.waitForURL((url) => url.pathname === `/jobs/${id}`);
  await expectVideoPlays(page.getByTestId("player"), 3);
});

test("an unfinished job's card shows how far it has come", async ({ page, account, app }) => {
  // Parked at 40 %: no worker picks it up, so the card's bar is a fact to check, not a moment to catch.
  const running = await seedJobWithFiles(app.dataDir, account.id, { status: "running", progress: 0.4, prompt: "A kite over the dunes, pan left" });
  await page.goto("/gallery");
  const card = jobCard(page, running.id);
  await expect(card).toHaveAttribute("data-status", "running");
  await expect(card.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "40");
});
