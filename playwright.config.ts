/**
 * Browser tests in Debian's Chromium (Playwright cannot download its own browser here) against the
 * production build: each Playwright worker starts its own `next start` with a temporary DATA_DIR
 * (e2e/pw/fixtures.ts). `npm test` builds first.
 */
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./e2e/pw/chromium";

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  outputDir: "test-results",
  // The app's server modules start with `import "server-only"`; fixtures that seed the database import them too.
  tsconfig: "./e2e/pw/tsconfig.playwright.json",
  // Local renders and `next start` compete for two cores: be patient rather than flaky.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    video: "off",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [{ name: "chromium" }],
});
