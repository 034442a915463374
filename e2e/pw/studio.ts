/**
 * A studio a spec starts itself, with settings of its own (e.g. the `env` of loopback provider
 * fakes), when the one-server-per-worker `app` fixture (fixtures.ts) will not do: its settings are
 * fixed before any spec code runs. Start it in `beforeAll` (after the fakes it points at), stop it
 * in `afterAll`; its owner signs up through the real sign-up page, and `studioTest(slot)` gives
 * each test a page already signed in as that owner on that server.
 */
import fs from "node:fs";
import { test as base, type Browser, type BrowserContext } from "@playwright/test";
import type { Server } from "../support/app-server";
import { startDeployment } from "../support/deployment";
import { newAccount, signUp, type Account } from "./accounts";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export interface Studio {
  server: Server;
  url: string;
  /** The studio's first account, so its owner. */
  owner: Account;
  /** The owner's signed-in browser state (cookies). */
  storageState: StorageState;
  stop(): Promise<void>;
}

/**
 * Starts the production server on a fresh DATA_DIR with `env` on top of the test defaults and
 * PUBLIC_URL set to its own address (so providers' webhooks and URL-only image inputs reach it),
 * then signs up its owner in a browser context of its own.
 */
export async function startStudio(browser: Browser, env: Record<string, string>): Promise<Studio> {
  const server = await startDeployment({ publicUrl: true, env });
  const stop = async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  };
  try {
    const context = await browser.newContext({ baseURL: server.url });
    try {
      const owner = newAccount("owner");
      await signUp(await context.newPage(), owner);
      return { server, url: server.url, owner, storageState: await context.storageState(), stop };
    } finally {
      await context.close();
    }
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Where a spec keeps the studio its `beforeAll` started, for the fixtures below to read. */
export class StudioSlot {
  current: Studio | null = null;
  get(): Studio {
    if (!this.current) throw new Error("No studio: start one with startStudio() in beforeAll.");
    return this.current;
  }
}

/**
 * The Playwright test object for a spec's own studio: `page` is signed in as its owner with
 * `baseURL` on its server, and the server's log lines from a failed test are attached to the report.
 */
export function studioTest(slot: StudioSlot) {
  // Fixture bodies name their callback `provide`, not `use`, so React's hook lint rules leave them alone.
  return base.extend<{ studio: Studio; serverLog: void }>({
    studio: async ({}, provide) => provide(slot.get()),
    // Playwright also sets these up for beforeAll hooks, before the studio exists: nothing to give yet then.
    baseURL: async ({}, provide) => provide(slot.current?.url),
    storageState: async ({}, provide) => provide(slot.current?.storageState),
    serverLog: [
      async ({ studio }, provide, testInfo) => {
        const from = studio.server.output().length;
        await provide();
        if (testInfo.status !== testInfo.expectedStatus)
          await testInfo.attach("server.log", { body: studio.server.output().slice(from), contentType: "text/plain" });
      },
      { auto: true },
    ],
  });
}
