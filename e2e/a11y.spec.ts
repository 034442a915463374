/**
 * Accessibility and layout of every page, signed in and out: no serious or critical axe-core
 * violations at 1280 and 375 px, no horizontal scroll at 320 px, 44 px targets at 375 px.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./pw/fixtures";
import { horizontalOverflow, seriousViolations, smallTargets } from "./pw/a11y";
import { seedJobWithFiles } from "./pw/seed";

const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

/** Waits for the page to have settled enough to be judged: its main landmark and no pending fonts. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The signed-in pages, a job page with a finished video, and its public share page. */
async function signedInPages(page: Page, dataDir: string, userId: string): Promise<{ pages: string[]; share: string }> {
  const job = await seedJobWithFiles(dataDir, userId, { prompt: "A snowy owl taking off, tilt up, 35mm film" });
  await page.goto(`/jobs/${job.id}`);
  await page.getByLabel("Link expires", { exact: true }).selectOption({ label: "Never" });
  await page.getByRole("button", { name: "Create share link" }).click();
  const share = new URL(await page.getByLabel("Share link", { exact: true }).inputValue()).pathname;
  return { pages: ["/", "/gallery", `/jobs/${job.id}`, "/settings", "/no-such-page", share], share };
}

// One test per width and per side of sign-in, so each has the whole timeout to itself on a busy machine.
for (const size of [WIDE, PHONE]) {
  test(`signed-in pages have no serious or critical axe violations at ${size.width} px`, async ({ page, account, app }) => {
    const { pages } = await signedInPages(page, app.dataDir, account.id);
    await page.setViewportSize(size);
    const found: string[] = [];
    for (const path of pages) {
      await visit(page, path);
      for (const v of await seriousViolations(page)) found.push(`${size.width}px ${path}: ${v}`);
    }
    expect(found).toEqual([]);
  });

  test(`signed-out pages have no serious or critical axe violations at ${size.width} px`, async ({ page, account, app, browser }) => {
    // Sign-in, sign-up, the 404 and a share page as a stranger sees them.
    const { share } = await signedInPages(page, app.dataDir, account.id);
    const stranger = await browser.newContext({ baseURL: app.url });
    const found: string[] = [];
    try {
      const visitor = await stranger.newPage();
      await visitor.setViewportSize(size);
      for (const path of ["/sign-in", "/sign-up", "/no-such-page", share]) {
        await visit(visitor, path);
        for (const v of await seriousViolations(visitor)) found.push(`${size.width}px signed out ${path}: ${v}`);
      }
    } finally {
      await stranger.close();
    }
    expect(found).toEqual([]);
  });
}

test("no page scrolls sideways at 320 px, and every target is 44 px at 375 px", async ({ page, account, app }) => {
  const { pages } = await signedInPages(page, app.dataDir, account.id);
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow: string[] = [];
  for (const path of pages) {
    await visit(page, path);
    const px = await horizontalOverflow(page);
    if (px > 0) overflow.push(`${path}: ${px}px too wide`);
  }
  expect(overflow).toEqual([]);

  await page.setViewportSize(PHONE);
  const small: string[] = [];
  for (const path of pages) {
    await visit(page, path);
    for (const t of await smallTargets(page)) if (!t.allowed) small.push(`${path}: ${t.what} is ${t.width}×${t.height}`);
  }
  expect(small).toEqual([]);
});

test("the narrow-screen menu opens the navigation, and the current page is marked", async ({ page, account: _signedUp }) => {
  await page.setViewportSize(PHONE);
  await visit(page, "/gallery");
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Gallery" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Studio" })).not.toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Settings" }).click();
  await page.waitForURL((u) => u.pathname === "/settings");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
});

test("the skip link takes the keyboard past the header", async ({ page, account: _signedUp }) => {
  await visit(page, "/gallery");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  const box = await skip.boundingBox();
  expect(box!.height, "the skip link, once shown, is a 44 px target").toBeGreaterThanOrEqual(44);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("the 404 page keeps the header and offers ways back", async ({ page, account: _signedUp }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("banner").getByRole("link", { name: "Dailies" })).toBeVisible();
  await page.getByRole("navigation", { name: "Ways back" }).getByRole("link", { name: "Your gallery" }).click();
  await page.waitForURL((u) => u.pathname === "/gallery");
});
