/**
 * Two production servers behind one database and one bucket, as a deployment at scale runs them
 * (`npm run test:scale`-style: `node scripts/pg-test-server.mjs -- npx playwright test
 * e2e/two-servers.spec.ts` puts them on Postgres; plain `npx playwright test` on one SQLite file).
 * Files go to a loopback S3 server (s3rver). Server A runs the worker; B only serves pages.
 * A job made through A reaches a gallery open on B by its event stream alone (LISTEN/NOTIFY on
 * Postgres), and plays on B from the bucket.
 */
import { test as base, expect, type Request } from "@playwright/test";
import fs from "node:fs";
import { startApp, startServer, type App, type Server } from "./support/app-server";
import { startLocalS3, type LocalS3 } from "./support/local-s3";
import { testPostgresUrl } from "./support/test-postgres";
import { newAccount, signUp } from "./pw/accounts";
import { jobCard, cardLink } from "./pw/gallery";
import { expectVideoPlays, playerSource } from "./pw/player";
import type { JobJson } from "../lib/jobs/serialize";

/** Both servers check webhook signatures and saved keys with it, as two machines of one instance must. */
const APP_SECRET = "two-servers-spec-secret-0123456789abcdef";

interface Pair {
  s3: LocalS3;
  a: App;
  b: Server;
}

const test = base.extend<object, { pair: Pair }>({
  pair: [
    async ({}, provide) => {
      const s3 = await startLocalS3();
      const shared = { APP_SECRET, ALLOW_SIGNUP: "true", ...s3.env("two-servers") };
      const a = await startApp({ env: shared });
      const b = await startServer({ dataDir: a.dataDir, env: { ...shared, WORKER: "off" } });
      try {
        await provide({ s3, a, b });
      } finally {
        await Promise.all([a.stop(), b.stop()]);
        await s3.close();
        fs.rmSync(a.dataDir, { recursive: true, force: true });
      }
    },
    { scope: "worker", timeout: 90_000 },
  ],
  baseURL: async ({ pair }, provide) => provide(pair.b.url),
});

const isPoll = (r: Request) => {
  const url = new URL(r.url());
  return url.pathname === "/api/jobs" && url.searchParams.has("changedSince");
};

test(`a job made on server A goes live on server B's gallery and plays there (${testPostgresUrl() ? "Postgres" : "SQLite"})`, async ({ page, pair }) => {
  const polls: string[] = [];
  page.on("request", (r) => {
    if (isPoll(r)) polls.push(r.url());
  });
  // Signed up on B; both servers are one host to the browser (cookies ignore the port), and one database behind it.
  await signUp(page, newAccount("two-servers"));
  await page.goto("/gallery");
  await expect(page.locator("html")).toHaveAttribute("data-live-updates", "stream");

  const made = await page.request.post(`${pair.a.url}/api/jobs`, {
    headers: { origin: pair.a.url },
    data: { model: "local:preview", prompt: "two lighthouses trading beams across a bay, slow dolly in", durationSeconds: 2, resolution: "480p" },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { id } = (await made.json()) as { id: string };

  const card = jobCard(page, id);
  await expect(card).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  expect(polls, "B's page heard of the job by its stream, not by polling").toEqual([]);

  const onB = (await (await page.request.get(`/api/jobs/${id}`)).json()) as JobJson;
  expect(onB.status).toBe("succeeded");
  await cardLink(card, id).click();
  await page.waitForURL((url) => url.pathname === `/jobs/${id}`);
  const player = page.getByTestId("player");
  await expectVideoPlays(player, 2);
  expect(new URL(await playerSource(player)).pathname).toBe(`/media/videos/${id}.mp4`);
  // B sends the browser to the bucket with a presigned URL: the file is in S3, on neither server's disk.
  const media = await page.request.get(`/media/videos/${id}.mp4`, { maxRedirects: 0 });
  expect(media.status()).toBeGreaterThanOrEqual(300);
  expect(media.status()).toBeLessThan(400);
  expect(media.headers().location).toContain(`${pair.s3.endpoint}/${pair.s3.bucket}/two-servers/videos/${id}.mp4`);
});
