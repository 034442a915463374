/** Bad requests get a clear 4xx and leave nothing behind: no job row, no stored file. */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, postJob } from "./support/api";
import { startApp, type App } from "./support/app-server";

let app: App;

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "off" } });
});
afterAll(async () => {
  await app?.stop();
});

async function expectNothingStored() {
  const list = (await (await api(app, "/api/jobs")).json()) as { items: unknown[] };
  expect(list.items).toHaveLength(0);
  const uploads = path.join(app.dataDir, "uploads");
  expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toHaveLength(0);
  const tmp = path.join(app.dataDir, "tmp");
  expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toHaveLength(0);
}

const base = { model: "local:preview", prompt: "a fox in the snow", aspectRatio: "16:9", durationSeconds: 5 };

describe("bad input", () => {
  it("unknown model", async () => {
    const r = await postJob(app, { ...base, model: "replicate:nobody/nothing" });
    expect(r.status).toBe(422);
    expect(r.body.error?.fields?.model).toBeDefined();
    expect(r.body.error?.message).toMatch(/Unknown model/);
    await expectNothingStored();
  });

  it("a duration the model does not allow names the allowed ones", async () => {
    const r = await postJob(app, { ...base, durationSeconds: 7 });
    expect(r.status).toBe(422);
    expect(r.body.error?.fields?.durationSeconds).toMatch(/2 s, 3 s, 4 s, 5 s, 6 s, 8 s or 10 s/);
    await expectNothingStored();
  });

  it("an aspect ratio the model does not allow", async () => {
    const r = await postJob(app, { ...base, aspectRatio: "21:9" });
    expect(r.status).toBe(422);
    expect(r.body.error?.fields?.aspectRatio).toMatch(/16:9/);
  });

  it("an empty prompt", async () => {
    const r = await postJob(app, { ...base, prompt: "   " });
    expect(r.status).toBe(422);
    expect(r.body.error?.fields?.prompt).toBe("Write a prompt.");
    await expectNothingStored();
  });

  it("a 5,000-character prompt", async () => {
    const r = await postJob(app, { ...base, prompt: "x".repeat(5000) });
    expect(r.status).toBe(422);
    expect(r.body.error?.fields?.prompt).toMatch(/at most 2000 characters/);
    await expectNothingStored();
  });

  it("a provider without a key", async () => {
    const r = await postJob(app, { ...base, model: "replicate:google/veo-3.1-fast", durationSeconds: 8 });
    expect(r.status).toBe(422);
    expect(r.body.error?.message).toMatch(/REPLICATE_API_TOKEN/);
  });

  it("a 15 MB image", async () => {
    const big = Buffer.alloc(15 * 1024 * 1024, 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const r = await postJob(app, base, { bytes: big, name: "big.png", type: "image/png" });
    expect(r.status).toBe(413);
    expect(r.body.error?.message).toMatch(/10 MB/);
    await expectNothingStored();
  });

  it("a text file renamed .png", async () => {
    const r = await postJob(app, base, { bytes: Buffer.from("hello, I am not an image\n".repeat(50)), name: "photo.png", type: "image/png" });
    expect(r.status).toBe(415);
    expect(r.body.error?.fields?.image).toMatch(/PNG, JPEG or WebP/);
    await expectNothingStored();
  });

  it("a truncated (corrupt) PNG", async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#fff" } }).png().toBuffer();
    const r = await postJob(app, base, { bytes: png.subarray(0, 40), name: "cut.png", type: "image/png" });
    expect(r.status).toBe(422);
    expect(r.body.error?.fields?.image).toMatch(/could not be read/);
    await expectNothingStored();
  });

  it("malformed JSON and wrong content types", async () => {
    const bad = await api(app, "/api/jobs", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(bad.status).toBe(400);
    const text = await api(app, "/api/jobs", { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" });
    expect(text.status).toBe(415);
    await expectNothingStored();
  });

  it("unknown job ids and bad cursors", async () => {
    expect((await api(app, "/api/jobs/nope")).status).toBe(404);
    expect((await api(app, "/api/jobs/nope/cancel", { method: "POST" })).status).toBe(404);
    expect((await api(app, "/api/jobs?cursor=%%%")).status).toBe(400);
    expect((await api(app, "/api/jobs?status=exploded")).status).toBe(400);
  });

  it("accepts a valid request once everything is right", async () => {
    const r = await postJob(app, base);
    expect(r.status).toBe(201);
    expect(r.body.status).toBe("queued");
  });
});
