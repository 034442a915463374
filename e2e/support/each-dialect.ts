/** Runs a block of vitest tests once per dialect this run can test, so the same assertions cover SQLite and Postgres. */
import { describe } from "vitest";
import type { Db, OpenOptions } from "../../lib/db/client";
import { tempDb, testDialects, type TestDialect } from "./test-db";

export function eachDialect(body: (tempDb: (opts?: OpenOptions) => Promise<Db>, dialect: TestDialect) => void): void {
  for (const dialect of testDialects()) describe(dialect, () => body((opts) => tempDb(dialect, opts), dialect));
}
