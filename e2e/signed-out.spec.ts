/** Nobody signed in sees any studio page or API answer: pages send them to sign in (or to sign up on a new studio). */
import { expect, test } from "./pw/fixtures";

for (const path of ["/", "/gallery", "/settings"]) {
  test(`a signed-out visit to ${path} is sent to sign in or sign up`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-(up|in)(\?|$)/);
    await expect(page.getByLabel("Email", { exact: true })).toBeVisible();
  });
}

test("the JSON API refuses a signed-out caller", async ({ request }) => {
  expect((await request.get("/api/jobs")).status()).toBe(401);
  expect((await request.post("/api/jobs", { data: { prompt: "a lighthouse" } })).status()).toBe(401);
});
