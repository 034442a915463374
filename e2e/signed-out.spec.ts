/**
 * Nobody signed in sees any studio page or API answer. The studio has its owner (the fixture's
 * startApp, as after install), so pages send the visitor to sign in, with the page they asked for
 * as `next` (each page passes its own path to requirePageViewer).
 */
import { expect, test } from "./pw/fixtures";

for (const path of ["/", "/gallery", "/settings"]) {
  test(`a signed-out visit to ${path} is sent to sign in, to come back to ${path}`, async ({ page, app }) => {
    await page.goto(path);
    await expect(page).toHaveURL(`${app.url}/sign-in?next=${encodeURIComponent(path)}`);
    await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  });
}

test("the JSON API refuses a signed-out caller", async ({ request }) => {
  expect((await request.get("/api/jobs")).status()).toBe(401);
  expect((await request.post("/api/jobs", { data: { prompt: "a lighthouse" } })).status()).toBe(401);
});
