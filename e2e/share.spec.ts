/** A share link plays for anyone, logged out, with preview tags; revoking it ends the page and the media at once. */
import { expect, test } from "./pw/fixtures";
import { expectVideoPlays, playerSource } from "./pw/player";
import { seedJobWithFiles } from "./pw/seed";

test("a share link plays logged out, previews well, and stops when revoked", async ({ page, account, browser, app, request }) => {
  // A finished job with a real, playable 2 s video.
  const { id } = await seedJobWithFiles(app.dataDir, account.id, { prompt: "A snowy owl taking off, tilt up, 35mm film" });

  await page.goto(`/jobs/${id}`);
  await page.getByLabel("Link expires", { exact: true }).selectOption({ label: "Never" });
  await page.getByRole("button", { name: "Create share link" }).click();
  const linkField = page.getByLabel("Share link", { exact: true });
  await expect(linkField).toHaveValue(/\/s\/[A-Za-z0-9_-]{22,}$/);
  const shareUrl = await linkField.inputValue();
  expect(shareUrl.startsWith(`${app.url}/s/`), `share URL ${shareUrl} is absolute, from PUBLIC_URL`).toBe(true);

  // Someone with the link and no account.
  const stranger = await browser.newContext();
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

    // The owner revokes it: the button acts at once (no confirmation), and the link leaves the list.
    await page.getByRole("button", { name: "Revoke", exact: true }).click();
    await expect(linkField).toHaveCount(0);
    expect((await request.get(shareUrl)).status(), "the share page is gone at once").toBe(404);
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
