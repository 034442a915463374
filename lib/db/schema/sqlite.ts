/**
 * The SQLite schema (the embedded default), one file per group of tables under ./sqlite/. Its twin is
 * ./pg.ts (same groups under ./pg/); see ./index.ts before changing either. drizzle.config.ts reads this file.
 */
export * from "./sqlite/jobs";
export * from "./sqlite/ledger";
export * from "./sqlite/auth";
export * from "./sqlite/access";
export * from "./sqlite/sharing";
export * from "./sqlite/webhooks";
export * from "./sqlite/providers";
export * from "./sqlite/ops";
