/**
 * The two schemas must stay twins: queries are written once and typed against the Postgres one,
 * then run on whichever the dialect uses. The type assertions below fail `tsc` when a row or insert
 * type differs; the test compares what the types cannot see (table and SQL column names).
 */
import { getTableColumns, getTableName, type InferInsertModel, type InferSelectModel, type Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Same<A extends Table, B extends Table> = Equal<InferSelectModel<A>, InferSelectModel<B>> extends true
  ? Equal<InferInsertModel<A>, InferInsertModel<B>>
  : false;

const NAMES = [
  "jobs",
  "jobHistory",
  "attempts",
  "ledger",
  "webhookEvents",
  "shareLinks",
  "apiTokens",
  "instanceSettings",
  "savedProviderSettings",
  "providerCatalogs",
  "generations",
  "projects",
  "localRenders",
  "signInFailures",
  "user",
  "session",
  "account",
  "verification",
  "workerHeartbeats",
  "idempotencyKeys",
  "webhookEndpoints",
  "webhookDeliveries",
  "disabledUsers",
  "passwordResets",
] as const;

// Each line is a compile-time check: `true` only type-checks when both dialects agree on the rows.
const twins: { [K in (typeof NAMES)[number]]: Same<(typeof sqlite)[K], (typeof pg)[K]> } = {
  jobs: true,
  jobHistory: true,
  attempts: true,
  ledger: true,
  webhookEvents: true,
  shareLinks: true,
  apiTokens: true,
  instanceSettings: true,
  savedProviderSettings: true,
  providerCatalogs: true,
  generations: true,
  projects: true,
  localRenders: true,
  signInFailures: true,
  user: true,
  session: true,
  account: true,
  verification: true,
  workerHeartbeats: true,
  idempotencyKeys: true,
  webhookEndpoints: true,
  webhookDeliveries: true,
  disabledUsers: true,
  passwordResets: true,
};
// And no table exists in one schema only.
const sameTables: Equal<keyof typeof sqlite, keyof typeof pg> = true;

describe("the SQLite and Postgres schemas", () => {
  it("have the same tables, type-checked as identical rows", () => {
    expect(sameTables).toBe(true);
    expect(Object.keys(twins).sort()).toEqual(Object.keys(pg).sort());
    expect(Object.keys(sqlite).sort()).toEqual(Object.keys(pg).sort());
  });

  it("name every table and column the same in SQL, with the same nullability", () => {
    for (const name of NAMES) {
      const a = sqlite[name];
      const b = pg[name];
      expect(getTableName(a), name).toBe(getTableName(b));
      const shape = (t: Table) =>
        Object.fromEntries(Object.entries(getTableColumns(t)).map(([key, c]) => [key, { name: c.name, notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault }]));
      expect(shape(a), name).toEqual(shape(b));
    }
  });
});
