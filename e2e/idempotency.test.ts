/**
 * `Idempotency-Key` on POST /api/jobs, through the real route handler with a real SQLite file:
 * a retried request gets the same job, a different request with the key gets 409, and
 * concurrent requests with one key make exactly one job (and keep one uploaded image).
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../app/api/jobs/route";
import { createApiToken } from "../lib/auth/api-tokens";
import { db } from "../lib/db/client";
import { countJobsWithPrompt } from "../lib/db/queries/jobs";
import { env, resetEnvCache } from "../lib/env";
import { bearer } from "./support/seed-user";
import { databaseFor, insertUser, tempDataDir } from "./support/test-db";

const savedEnv = { ...process.env };
let alice: Record<string, string>;
let bob: Record<string, string>;

beforeAll(async () => {
  const dataDir = tempDataDir("dailies-idempotency-");
  // Under test:scale the studio's database is a fresh Postgres one, as for a started server.
  Object.assign(process.env, { DATA_DIR: dataDir, ...(await databaseFor(dataDir)) });
  resetEnvCache();
  const database = await db();
  alice = bearer((await createApiToken(database, (await insertUser(database)).id, "script"))!.token);
  bob = bearer((await createApiToken(database, (await insertUser(database)).id, "script"))!.token);
});

afterAll(() => {
  process.env = savedEnv;
  resetEnvCache();
});

const job = (prompt: string, extra: Record<string, unknown> = {}) => ({ model: "local:preview", prompt, aspectRatio: "16:9", durationSeconds: 2, ...extra });

async function post(who: Record<string, string>, body: Record<string, unknown> | FormData, key?: string) {
  const headers: Record<string, string> = { ...who, ...(key === undefined ? {} : { "idempotency-key": key }) };
  const isForm = body instanceof FormData;
  if (!isForm) headers["content-type"] = "application/json";
  const init: RequestInit = { method: "POST", headers, body: isForm ? body : JSON.stringify(body) };
  // A form's body is encoded by Request itself, with its own random boundary each time.
  const res = await POST(new Request("http://studio.test/api/jobs", init));
  return { status: res.status, text: await res.text(), replayed: res.headers.get("idempotent-replayed") };
}

const uploads = () => fs.readdirSync(path.join(env().DATA_DIR, "uploads")).length;

describe("POST /api/jobs with an Idempotency-Key", () => {
  it("answers a retry with the same status and body, and makes one job", async () => {
    const first = await post(alice, job("retry me once"), "key-retry-1");
    const again = await post(alice, job("retry me once"), "key-retry-1");
    expect(first.status).toBe(201);
    expect(again).toEqual({ status: 201, text: first.text, replayed: "true" });
    expect(first.replayed).toBeNull();
    expect(await countJobsWithPrompt(await db(), "retry me once")).toBe(1);
  });

  it("refuses the same key with a different body with 409 and a sentence", async () => {
    expect((await post(alice, job("first body"), "key-conflict")).status).toBe(201);
    const other = await post(alice, job("second body"), "key-conflict");
    expect(other.status).toBe(409);
    expect((JSON.parse(other.text) as { error: { message: string } }).error.message).toMatch(/already used for a different request/);
    expect(await countJobsWithPrompt(await db(), "second body")).toBe(0);
  });

  it("keeps keys apart per user", async () => {
    const a = await post(alice, job("per user"), "shared-key");
    const b = await post(bob, job("per user"), "shared-key");
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.replayed).toBeNull();
    expect(JSON.parse(b.text).id).not.toBe(JSON.parse(a.text).id);
  });

  it("records nothing for a refused request, so it can be retried with the same key", async () => {
    const bad = await post(alice, job("bad duration", { durationSeconds: 999 }), "key-after-fix");
    expect(bad.status).toBe(422);
    const fixed = await post(alice, job("bad duration"), "key-after-fix");
    expect(fixed.status).toBe(201);
    expect(fixed.replayed).toBeNull();
  });

  it("makes exactly one job from 12 concurrent requests with one key, images included", async () => {
    const png = await sharp({ create: { width: 96, height: 64, channels: 3, background: "#336699" } }).png().toBuffer();
    const form = () => {
      const f = new FormData();
      for (const [k, v] of Object.entries(job("concurrent once"))) f.set(k, String(v));
      f.set("image", new Blob([new Uint8Array(png)], { type: "image/png" }), "still.png");
      return f;
    };
    const before = fs.existsSync(path.join(env().DATA_DIR, "uploads")) ? uploads() : 0;
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(alice, form(), "key-concurrent")));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.replayed === null)).toHaveLength(1);
    expect(await countJobsWithPrompt(await db(), "concurrent once")).toBe(1);
    // the losers' cleaned images were removed with their rolled-back jobs
    expect(uploads() - before).toBe(1);
  });

  it("lets a key be used again after 24 hours", async () => {
    expect((await post(alice, job("old use"), "key-old")).status).toBe(201);
    const database = await db();
    await database.orm.update(database.t.idempotencyKeys).set({ createdAt: Date.now() - 25 * 60 * 60 * 1000 });
    const reuse = await post(alice, job("new use"), "key-old");
    expect(reuse.status).toBe(201);
    expect(reuse.replayed).toBeNull();
    expect(await countJobsWithPrompt(database, "new use")).toBe(1);
  });

  it("refuses a malformed key", async () => {
    const res = await post(alice, job("bad key"), "has spaces in it");
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/Idempotency-Key/);
    expect((await post(alice, job("bad key"), "x".repeat(256))).status).toBe(400);
  });
});
