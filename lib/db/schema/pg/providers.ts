/** Provider state: saved settings, catalogs, local-preview renders. Twin: ../sqlite/providers.ts (see ../index.ts before changing either). */
import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { ms } from "./columns";

/**
 * What the owner saved in Settings → Providers: one row per provider setting, the value sealed
 * with AES-256-GCM under a key derived from APP_SECRET (lib/provider-settings/crypto.ts), never
 * in plain text. A variable set in the environment wins over a row here.
 */
export const savedProviderSettings = pgTable(
  "provider_settings",
  {
    provider: text("provider").notNull(),
    /** The setting's name in the provider's slice, e.g. REPLICATE_API_TOKEN. */
    name: text("name").notNull(),
    sealed: text("sealed").notNull(),
    updatedAt: ms("updated_at").notNull(),
    updatedBy: text("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.name] })],
);

/** The last good copy of each provider's own model list, with retired models and the last refresh's outcome (see ./sqlite.ts). */
export const providerCatalogs = pgTable("provider_catalogs", {
  provider: text("provider").primaryKey(),
  models: jsonb("models").$type<unknown[]>(),
  retired: jsonb("retired").$type<unknown[]>(),
  fetchedAt: ms("fetched_at"),
  lastError: text("last_error"),
  lastErrorAt: ms("last_error_at"),
  refreshingUntil: ms("refreshing_until"),
});

/** A local-preview render's record (see sqlite.ts). */
export const localRenders = pgTable("local_renders", {
  id: text("id").primaryKey(),
  status: text("status").notNull(),
  progress: doublePrecision("progress").notNull(),
  etaSeconds: doublePrecision("eta_seconds"),
  message: text("message"),
  errorCode: text("error_code"),
  updatedAt: ms("updated_at").notNull(),
  jobId: text("job_id"),
  params: text("params"),
  attempt: integer("attempt").notNull().default(0),
  owner: text("owner"),
  startedAttempts: integer("started_attempts").notNull().default(0),
}, (t) => [index("local_renders_job_idx").on(t.jobId)]);
