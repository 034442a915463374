/** The header's queue: real states, Cancel with an undo that leaves the job running. */
import { createJob, getJob } from "./pw/api";
import { expect, test } from "./pw/fixtures";

test("cancel → undo → the job still runs to the end; the queue shows it with its real state", async ({ page, composer: _onStudio }) => {
  const id = await createJob(page.request, { prompt: "A lighthouse at dusk, slow dolly in, cinematic", durationSeconds: 5, resolution: "720p" });
  const indicator = page.getByTestId("queue-indicator");
  await expect(indicator).toContainText(/rendering|queued/);
  await indicator.click();
  const queue = page.getByRole("region", { name: "Queue" });
  const item = queue.locator(`[data-testid=queue-item][data-job-id="${id}"]`);
  await expect(item.getByTestId("queue-state")).toHaveText(/^(Queued · 1st in line|Sent · waiting to start|Generating( \d+ %)?|Saving)$/);

  await item.getByRole("button", { name: /^Cancel “/ }).click();
  const toast = page.getByRole("status").filter({ hasText: "Canceling" });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cancel undone" })).toBeVisible();

  // Recorded facts: the job finishes as a video, and no cancel ever reached it.
  await expect.poll(async () => (await getJob(page.request, id)).status, { timeout: 100_000 }).toBe("succeeded");
  // Finished takes stay in the queue with Play (pressing Undo, outside the panel, closed it).
  await expect(indicator).toHaveAttribute("aria-expanded", "false");
  await indicator.click();
  await expect(item.getByRole("link", { name: "Play" })).toBeVisible();
});
