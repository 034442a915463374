/**
 * The studio as a signed-in person sees it, for the browser-side benchmarks: a production server
 * (embedded worker off, so nothing changes under the measurements), one account signed up through
 * the real /sign-up page in Chromium, and 2,000 seeded jobs.
 */
import { chromium, type Browser, type BrowserContextOptions } from "@playwright/test";
import { startServer, type Server } from "../e2e/support/app-server";
import { newAccount, signUp } from "../e2e/pw/accounts";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/pw/chromium";
import { seedJobs, userIdByEmail } from "../e2e/pw/seed";
import { onCleanup } from "./util";

export const SEEDED_JOBS = 2_000;

export interface Studio {
  app: Server;
  browser: Browser;
  /** Cookies of the signed-in account, for fresh (cold) browser contexts. */
  storageState: NonNullable<BrowserContextOptions["storageState"]>;
  /** The same session as a Cookie header, for plain HTTP clients. */
  cookie: string;
  close(): Promise<void>;
}

export async function startStudio(dataDir: string): Promise<Studio> {
  // A studio with no account yet, as after install: the bench signs up its owner through the UI.
  const app = await startServer({ dataDir, publicUrl: true, env: { WORKER: "off" } });
  onCleanup(() => app.kill());
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const launched = browser;
    onCleanup(() => launched.close());
    const context = await browser.newContext({ baseURL: app.url });
    const account = newAccount("bench");
    await signUp(await context.newPage(), account);
    const storageState = await context.storageState();
    await context.close();
    await seedJobs(dataDir, await userIdByEmail(dataDir, account.email), SEEDED_JOBS);
    const cookie = storageState.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    return { app, browser, storageState, cookie, close: async () => void (await Promise.all([launched.close(), app.stop()])) };
  } catch (err) {
    await browser?.close();
    await app.stop();
    throw err;
  }
}
