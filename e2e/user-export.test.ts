/**
 * GET /api/export through the real route, in process, on a real SQLite file and store: the ZIP
 * holds the asker's prompts and finished videos (byte for byte) and nothing of anyone else's, and
 * unzip and Python's zipfile both read it.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../app/api/export/route";
import { createApiToken } from "../lib/auth/api-tokens";
import { db } from "../lib/db/client";
import { env, resetEnvCache } from "../lib/env";
import { seedJobWithFiles } from "./pw/seed";
import { bearer } from "./support/seed-user";
import { storedBytes } from "./support/stored-files";
import { databaseFor, insertUser, seedJob, tempDataDir } from "./support/test-db";

const savedEnv = { ...process.env };
let alice: { id: string; auth: Record<string, string> };
let bob: { id: string; auth: Record<string, string> };

beforeAll(async () => {
  const dataDir = tempDataDir("dailies-export-");
  // Under test:scale the studio's database is a fresh Postgres one, as for a started server.
  Object.assign(process.env, { DATA_DIR: dataDir, ...(await databaseFor(dataDir)) });
  resetEnvCache();
  const database = await db();
  const a = await insertUser(database, { name: "Alice" });
  const b = await insertUser(database, { name: "Bob" });
  alice = { id: a.id, auth: bearer((await createApiToken(database, a.id, "t"))!.token) };
  bob = { id: b.id, auth: bearer((await createApiToken(database, b.id, "t"))!.token) };
});

afterAll(() => {
  process.env = savedEnv;
  resetEnvCache();
});

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("GET /api/export", () => {
  it("zips the asker's prompts and finished videos, and only theirs", async () => {
    const dataDir = env().DATA_DIR;
    const first = await seedJobWithFiles(dataDir, alice.id, { prompt: "A lighthouse at dusk!", createdAt: Date.now() - 60_000 });
    const second = await seedJobWithFiles(dataDir, alice.id, { prompt: "A lighthouse at dusk!" });
    const failed = await seedJob(await db(), { userId: alice.id, status: "failed", prompt: "a failed attempt", errorCode: "provider_error", errorMessage: "no" });
    const theirs = await seedJobWithFiles(dataDir, bob.id, { prompt: "bob's secret garden" });

    const res = await exportRoute(new Request("http://studio.test/api/export", { headers: alice.auth }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="dailies-export-\d{4}-\d{2}-\d{2}\.zip"$/);
    const file = path.join(tempDataDir(), "export.zip");
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    expect(execFileSync("unzip", ["-tq", file], { encoding: "utf8" })).toMatch(/No errors detected/);

    const script = "import sys, zipfile, hashlib, json\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))";
    const inside = JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" })) as Record<string, string>;
    const prompts = JSON.parse(execFileSync("unzip", ["-p", file, "dailies-export/prompts.json"], { encoding: "utf8" })) as Array<{ id: string; prompt: string; file: string | null }>;
    expect(prompts.map((p) => p.id).sort()).toEqual([first.id, second.id, failed.id].sort());
    expect(prompts[0]!.id, "oldest first").toBe(first.id);
    expect(prompts).toHaveLength(3);
    expect(prompts.find((p) => p.id === failed.id)!.file).toBeNull();
    const videos = Object.keys(inside).filter((n) => n.startsWith("dailies-export/videos/"));
    expect(videos).toHaveLength(2);
    // same prompt, two names: they never collide
    expect(new Set(videos).size).toBe(2);
    for (const job of [first, second]) {
      const entry = prompts.find((p) => p.id === job.id)!.file!;
      expect(entry).toMatch(/^videos\/\d{4}-\d{2}-\d{2}-a-lighthouse-at-dusk-.{6}\.mp4$/);
      expect(inside[`dailies-export/${entry}`]).toBe(sha(await storedBytes(dataDir, `videos/${job.id}.mp4`)));
    }
    expect(JSON.stringify(prompts)).not.toContain(theirs.id);
    expect(JSON.stringify(prompts)).not.toContain("secret garden");
  });

  it("needs a session or a token", async () => {
    expect((await exportRoute(new Request("http://studio.test/api/export"))).status).toBe(401);
  });
});
