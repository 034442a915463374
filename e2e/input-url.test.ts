/** Signed input-image links: the real route over loopback HTTP, a real SQLite file and stored upload. */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, HEAD } from "../app/api/inputs/[jobId]/[expiry]/[sig]/route";
import { db } from "../lib/db/client";
import { getJob } from "../lib/db/queries/jobs";
import { resetEnvCache } from "../lib/env";
import { cancelJob } from "../lib/jobs/cancel-job";
import { createJob } from "../lib/jobs/create-job";
import { inputImageUrl } from "../lib/jobs/input-url";
import { storage } from "../lib/storage";
import { startRouteServer, type RouteServer } from "./support/route-server";
import { tempDataDir } from "./support/test-db";

type Ctx = { params: Promise<{ jobId: string; expiry: string; sig: string }> };
let server: RouteServer;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startRouteServer([
    { method: "GET", path: "/api/inputs/:jobId/:expiry/:sig", handler: (req, ctx) => GET(req, ctx as Ctx) },
    { method: "HEAD", path: "/api/inputs/:jobId/:expiry/:sig", handler: (req, ctx) => HEAD(req, ctx as Ctx) },
  ]);
  Object.assign(process.env, { DATA_DIR: tempDataDir("dailies-input-url-"), PUBLIC_URL: server.url, APP_SECRET: "input-url-test-secret-that-is-long-enough" });
  resetEnvCache();
});
afterAll(async () => {
  await server.close();
  process.env = saved;
  resetEnvCache();
});

async function jobWithImage() {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#aa3300" } }).png().toBuffer();
  const result = await createJob(await db(), { fields: { model: "local:preview", prompt: "pan across" }, image: png, userId: "u1" });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("GET /api/inputs/<job>/<expiry>/<sig>", () => {
  it("serves the job's stored, re-encoded image, marked noindex and uncached", async () => {
    const job = await jobWithImage();
    const url = inputImageUrl(job.id)!;
    expect(url.startsWith(`${server.url}/api/inputs/${job.id}/`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("content-type")).toMatch(/^image\//);
    const stored = await storage().read(job.inputImageKey!);
    expect(Buffer.from(await res.arrayBuffer()).equals(stored!)).toBe(true);
    const head = await fetch(url, { method: "HEAD" });
    expect([head.status, head.headers.get("content-length")]).toEqual([200, String(stored!.length)]);
  });

  it("answers 404 to an expired, tampered or borrowed link", async () => {
    const job = await jobWithImage();
    const other = await jobWithImage();
    const expired = inputImageUrl(job.id, Date.now() - 2 * 3_600_000)!;
    expect((await fetch(expired)).status).toBe(404);

    const valid = inputImageUrl(job.id)!;
    const sig = valid.slice(valid.lastIndexOf("/") + 1);
    const tampered = `${valid.slice(0, -sig.length)}${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect((await fetch(tampered)).status).toBe(404);

    const later = valid.replace(/\/(\d+)\//, (_, e: string) => `/${Number(e) - 60}/`);
    expect((await fetch(later)).status).toBe(404);

    expect((await fetch(valid.replace(`/api/inputs/${job.id}/`, `/api/inputs/${other.id}/`))).status).toBe(404);
    expect((await fetch(valid)).status).toBe(200);
  });

  it("answers 404 once the job is finished, even with a link that has not expired", async () => {
    const job = await jobWithImage();
    const url = inputImageUrl(job.id)!;
    expect((await fetch(url)).status).toBe(200);
    const canceled = await cancelJob(await db(), (await getJob(await db(), job.id))!);
    expect(canceled.ok).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(404);
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
  });

  it("makes no link without PUBLIC_URL", () => {
    delete process.env.PUBLIC_URL;
    resetEnvCache();
    try {
      expect(inputImageUrl("abc")).toBeNull();
    } finally {
      process.env.PUBLIC_URL = server.url;
      resetEnvCache();
    }
  });
});
