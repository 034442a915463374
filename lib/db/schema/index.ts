/**
 * The database schema, once per dialect: ./sqlite.ts (the embedded default) and ./pg.ts (Postgres,
 * chosen by DATABASE_URL). Both describe the same tables with the same TypeScript row types, and
 * ./schema.test.ts fails to type-check when they drift apart. Queries (lib/db/queries) are written
 * once against `db.t`, whichever schema the running dialect uses.
 *
 * To add a table or a column:
 * 1. Add it to BOTH dialects, in the same group file (./sqlite/<group>.ts and ./pg/<group>.ts; a new
 *    group file is re-exported from ./sqlite.ts and ./pg.ts), with the same property names, SQL names and row types (epoch ms:
 *    `integer` on SQLite, `bigint({ mode: "number" })` on Postgres; floats: `real` / `doublePrecision`;
 *    booleans: `integer({ mode: "boolean" })` / `boolean`; JSON: `text({ mode: "json" })` / `jsonb`).
 * 2. Export it from each group file; Tables in lib/db/client.ts picks it up from the Postgres schema.
 * 3. Add its row types below if the app needs them, and the table to schema.test.ts.
 * 4. Generate both migrations: `npm run db:generate` (SQLite, drizzle.config.ts -> drizzle/sqlite)
 *    and `npx drizzle-kit generate --config drizzle.pg.config.ts` (-> drizzle/pg). Read the SQL;
 *    hand-written SQL (triggers, search indexes) goes in a `--custom` migration in each folder.
 * Both folders are applied on start, so commit them with the schema change.
 */
import type * as pg from "./pg";

export {
  ATTEMPT_STATUSES,
  JOB_STATUSES,
  LEDGER_KINDS,
  TRANSITION_SOURCES,
  WEBHOOK_DELIVERY_STATUSES,
  type AttemptStatus,
  type JobStatus,
  type LedgerKind,
  type TransitionSource,
  type WebhookDeliveryStatus,
} from "./statuses";

export type Job = typeof pg.jobs.$inferSelect;
export type NewJob = typeof pg.jobs.$inferInsert;
export type Attempt = typeof pg.attempts.$inferSelect;
export type LedgerRow = typeof pg.ledger.$inferSelect;
export type ShareLink = typeof pg.shareLinks.$inferSelect;
export type ApiToken = typeof pg.apiTokens.$inferSelect;
export type SavedProviderSetting = typeof pg.savedProviderSettings.$inferSelect;
export type JobHistoryRow = typeof pg.jobHistory.$inferSelect;
export type ProviderCatalogRow = typeof pg.providerCatalogs.$inferSelect;
export type Generation = typeof pg.generations.$inferSelect;
export type Project = typeof pg.projects.$inferSelect;
export type LocalRenderRow = typeof pg.localRenders.$inferSelect;
export type WorkerHeartbeat = typeof pg.workerHeartbeats.$inferSelect;
export type IdempotencyKey = typeof pg.idempotencyKeys.$inferSelect;
export type WebhookEndpoint = typeof pg.webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof pg.webhookDeliveries.$inferSelect;
