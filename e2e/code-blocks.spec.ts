/**
 * Code blocks in Settings and the API docs scroll by keyboard (WCAG 2.1.1): on a phone, every block
 * wider than its box can take focus, and the arrow keys then scroll it.
 */
import { expect, test } from "./pw/fixtures";

const PAGES = ["/settings", "/docs/api"];

test("on a phone every code block too wide for the screen takes focus and scrolls with the arrow keys", async ({ page, account: _signedUp }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    const blocks = await page.locator("pre").evaluateAll((pres) =>
      pres.map((p, i) => ({ i, wide: p.scrollWidth > p.clientWidth, focusable: p.tabIndex >= 0, name: p.getAttribute("aria-label") })),
    );
    const wide = blocks.filter((b) => b.wide);
    expect(wide.length, `${path} has a code block wider than a phone (else this test proves nothing)`).toBeGreaterThan(0);
    expect(wide.filter((b) => !b.focusable || !b.name).map((b) => `${path}: pre #${b.i}`), "every wide block is focusable and named").toEqual([]);

    const first = page.locator("pre").nth(wide[0]!.i);
    await first.focus();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => first.evaluate((p) => p.scrollLeft), `${path}: the arrow keys scroll the focused block`).toBeGreaterThan(0);
  }
});
