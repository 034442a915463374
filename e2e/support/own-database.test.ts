/**
 * Each test file's app database is its own: under test:scale a fresh Postgres database, not the
 * test server's, which every file would share (one file's worker then claims another's jobs).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { isPostgresUrl } from "../../lib/db/target";
import { resetEnvCache } from "../../lib/env";
import { tempDataDir } from "./test-db";
import { testPostgresUrl } from "./test-postgres";

beforeAll(() => {
  process.env.DATA_DIR = tempDataDir();
  resetEnvCache();
});

describe("a test file's app database", () => {
  it("is its own, and starts empty", async () => {
    const server = testPostgresUrl();
    const url = process.env.DATABASE_URL;
    expect(isPostgresUrl(url ?? ""), "a Postgres app database exactly when the run has a Postgres server").toBe(server !== null);
    if (server) expect(new URL(url!).pathname).not.toBe(new URL(server).pathname);
    const d = await db();
    expect(d.dialect.name).toBe(server ? "pg" : "sqlite");
    const jobs = await d.orm.select().from(d.t.jobs);
    expect(jobs).toEqual([]);
  });
});
