/**
 * The Postgres schema: the same tables, columns and row types as ./sqlite.ts (schema.test.ts checks),
 * in Postgres types, one file per group of tables under ./pg/. Times are epoch milliseconds in bigint
 * columns (read as JS numbers), floats are double precision, JSON is jsonb; better-auth's own tables
 * keep its timestamps. drizzle.pg.config.ts reads this file.
 */
export * from "./pg/jobs";
export * from "./pg/ledger";
export * from "./pg/auth";
export * from "./pg/access";
export * from "./pg/sharing";
export * from "./pg/webhooks";
export * from "./pg/providers";
export * from "./pg/ops";
