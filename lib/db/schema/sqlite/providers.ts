/** Provider state: saved settings, catalogs, local-preview renders. Twin: ../pg/providers.ts (see ../index.ts before changing either). */
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * What the owner saved in Settings → Providers: one row per provider setting, the value sealed
 * with AES-256-GCM under a key derived from APP_SECRET (lib/provider-settings/crypto.ts), never
 * in plain text. A variable set in the environment wins over a row here.
 */
export const savedProviderSettings = sqliteTable(
  "provider_settings",
  {
    provider: text("provider").notNull(),
    /** The setting's name in the provider's slice, e.g. REPLICATE_API_TOKEN. */
    name: text("name").notNull(),
    sealed: text("sealed").notNull(),
    updatedAt: integer("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.name] })],
);

/**
 * The last good copy of each provider's own model list (ModelSpec JSON) with the models earlier
 * lists had, and how the last refresh went. `refreshingUntil` is a lease, so one instance refreshes at a time.
 */
export const providerCatalogs = sqliteTable("provider_catalogs", {
  provider: text("provider").primaryKey(),
  models: text("models", { mode: "json" }).$type<unknown[]>(),
  /** Models earlier lists had and this one does not: never offered, kept so old jobs still name them. */
  retired: text("retired", { mode: "json" }).$type<unknown[]>(),
  fetchedAt: integer("fetched_at"),
  lastError: text("last_error"),
  lastErrorAt: integer("last_error_at"),
  refreshingUntil: integer("refreshing_until"),
});

/**
 * A local-preview render's own record, written by the process that renders it and read by any
 * worker that polls, saves or cancels it: several workers on one database need no shared disk.
 * `updatedAt` is the renderer's heartbeat; a stale unfinished one means its process died.
 */
export const localRenders = sqliteTable("local_renders", {
  id: text("id").primaryKey(),
  status: text("status").notNull(),
  progress: real("progress").notNull(),
  etaSeconds: real("eta_seconds"),
  message: text("message"),
  errorCode: text("error_code"),
  updatedAt: integer("updated_at").notNull(),
  /** The Dailies job it was made for (a lost submit finds its render by it). */
  jobId: text("job_id"),
  /** What any worker needs to start it again (lib/providers/local/render-params.ts), as JSON. */
  params: text("params"),
  /** The current claim (lib/providers/local/render-claim.ts): 1 for the first owner, one more for each takeover. */
  attempt: integer("attempt").notNull().default(0),
  /** Who holds the current claim (lib/runtime/process-identity); null once handed back. */
  owner: text("owner"),
  /** How many claims began rendering: only those count as tries. */
  startedAttempts: integer("started_attempts").notNull().default(0),
}, (t) => [index("local_renders_job_idx").on(t.jobId)]);
