/**
 * The Playwright test object for Dailies. Each Playwright worker runs its own production server
 * (`npm start`'s entry on the existing build) on a temporary DATA_DIR (under `npm run test:scale`:
 * two web servers and two workers on Postgres and S3 behind a round-robin proxy, e2e/support/deployment.ts) with PUBLIC_URL set to its own
 * URL, fast worker cadences, and outgoing webhooks allowed onto loopback receivers. startApp seeds the instance owner, as after install: signed-out
 * visitors are sent to sign in, not to create the first account. Sign-up stays open
 * (ALLOW_SIGNUP), so every test signs up its own fresh account next to the owner.
 */
import fs from "node:fs";
import { test as base, expect } from "@playwright/test";
import type { App } from "../support/app-server";
import { startDeploymentApp } from "../support/deployment";
import { newAccount, signUp, type Account } from "./accounts";
import { Composer } from "./composer";
import { userIdByEmail } from "./seed";

interface SignedUp extends Account {
  id: string;
}

interface WorkerFixtures {
  app: App;
}

interface TestFixtures {
  /** A fresh account, signed up through the UI in `page`; the page is then on the studio home. */
  account: SignedUp;
  /** The composer on the studio home of a fresh `account`. */
  composer: Composer;
  /** The server's log lines written during the test, attached to the report when it fails. */
  serverLog: void;
}

// Fixture bodies name their callback `provide`, not `use`, so React's hook lint rules leave them alone.
export const test = base.extend<TestFixtures, WorkerFixtures>({
  app: [
    async ({}, provide) => {
      const app = await startDeploymentApp({ publicUrl: true, env: { ALLOW_SIGNUP: "true", OUTGOING_WEBHOOKS_ALLOW_PRIVATE: "true" } });
      try {
        await provide(app);
      } finally {
        await app.stop();
        fs.rmSync(app.dataDir, { recursive: true, force: true });
      }
    },
    { scope: "worker", timeout: 120_000 },
  ],
  baseURL: async ({ app }, provide) => provide(app.url),
  account: async ({ page, app }, provide) => {
    const account = newAccount();
    await signUp(page, account);
    await provide({ ...account, id: await userIdByEmail(app.dataDir, account.email) });
  },
  // Named only so the account is signed up first: sign-up leaves `page` on the studio home.
  composer: async ({ page, account: _signedUp }, provide) => provide(await new Composer(page).open()),
  serverLog: [
    async ({ app }, provide, testInfo) => {
      const from = app.output().length;
      await provide();
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach("server.log", { body: app.output().slice(from), contentType: "text/plain" });
    },
    { auto: true },
  ],
});

export { expect };
