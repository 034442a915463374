/** A share link plays for anyone, logged out, with preview tags; revoking it ends the page and the media at once. */
import { newAccount, signUp } from "./pw/accounts";
import { createJob, waitForJob } from "./pw/api";
import { expect, test } from "./pw/fixtures";
import { expectVideoPlays, playerSource } from "./pw/player";

test("a share link plays logged out, previews well, and stops when revoked", async ({ page, browser, app, request }) => {
  await signUp(page, newAccount("owner"));
  const id = await createJob(page.request, { prompt: "A snowy owl taking off, tilt up, 35mm film" });
  await waitForJob(page.request, id, "succeeded");

  await page.goto(`/jobs/${id}`);
  await page.getByLabel("Link expires", { exact: true }).selectOption({ label: "Never" });
  await page.getByRole("button", { name: "Create share link" }).click();
  const linkField = page.getByLabel("Share link", { exact: true });
  await expect(linkField).toHaveValue(/\/s\/[A-Za-z0-9_-]{22,}$/);
  const shareUrl = await linkField.inputValue();
  expect(shareUrl.startsWith(`${app.url}/s/`), `share URL ${shareUrl} is absolute, from PUBLIC_URL`).toBe(true);

  // Someone with the link and no account.
  const stranger = await browser.newContext({ baseURL: app.url });
  try {
    const visitor = await stranger.newPage();
    const res = await visitor.goto(shareUrl);
    expect(res?.status()).toBe(200);
    const player = visitor.getByTestId("player");
    await expectVideoPlays(player, 2);
    const videoUrl = await playerSource(player);
    expect(videoUrl).toMatch(/^https?:\/\//);

    const ogVideo = await visitor.locator('meta[property="og:video"]').first().getAttribute("content");
    expect(ogVideo, "og:video is an absolute URL").toMatch(new RegExp(`^${escapeRegExp(app.url)}/`));
    await expect(visitor.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);
    expect((await request.get(ogVideo!)).status(), "og:video is fetchable while the link is live").toBe(200);

    // The owner revokes it (confirming if the UI asks).
    await page.getByRole("button", { name: "Revoke", exact: true }).click();
    const confirm = page.getByRole("dialog").getByRole("button", { name: "Revoke" });
    await expect
      .poll(async () => {
        if (await confirm.isVisible()) await confirm.click();
        return (await request.get(shareUrl)).status();
      }, { message: "the share page is gone after revoking" })
      .toBe(404);
    expect((await request.get(videoUrl)).status(), "the shared video URL stops at once").toBe(404);
    expect((await request.get(ogVideo!)).status(), "og:video stops too").toBe(404);
    expect((await visitor.reload())?.status()).toBe(404);
  } finally {
    await stranger.close();
  }
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
