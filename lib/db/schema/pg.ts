/**
 * The Postgres schema: the same tables, columns and row types as ./sqlite.ts (schema.test.ts checks),
 * in Postgres types. Times are epoch milliseconds in bigint columns (read as JS numbers), floats are
 * double precision, JSON is jsonb; better-auth's own tables keep its timestamps.
 */
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { pgEpochMs } from "../dialect/epoch";
import { JOB_STATUSES, TRANSITION_SOURCES } from "./statuses";

const ms = (name: string) => bigint(name, { mode: "number" });

export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    /** Owner. Null only for jobs made before accounts existed; the first account adopts them. */
    userId: text("user_id"),
    parentId: text("parent_id"),
    model: text("model").notNull(),
    provider: text("provider").notNull(),
    prompt: text("prompt").notNull(),
    negativePrompt: text("negative_prompt"),
    aspectRatio: text("aspect_ratio").notNull(),
    durationSeconds: doublePrecision("duration_seconds").notNull(),
    resolution: text("resolution").notNull(),
    fps: integer("fps").notNull(),
    seed: integer("seed"),
    inputImageKey: text("input_image_key"),
    favorite: boolean("favorite").notNull().default(false),
    /** The generation this job is a take of (see ./sqlite.ts). */
    generationId: text("generation_id"),
    /** The owner's project (board); null is the default "Unsorted". */
    projectId: text("project_id"),

    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    /** Who made the last status change; the job_history trigger copies it into the row it writes. */
    statusSource: text("status_source", { enum: TRANSITION_SOURCES }),
    progress: doublePrecision("progress").notNull().default(0),
    etaSeconds: integer("eta_seconds"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),

    providerJobId: text("provider_job_id"),
    providerData: jsonb("provider_data").$type<Record<string, unknown>>(),
    outputUrl: text("output_url"),
    /** The provider update that said "done", kept so the copy step can fetch the output. */
    outputUpdate: jsonb("output_update").$type<Record<string, unknown>>(),
    /** What the provider reported about serving the finished job (upstream, model, cache hit, cost): lib/jobs/provider-report.ts. */
    providerReport: jsonb("provider_report").$type<Record<string, unknown>>(),
    /** Values of the model's typed options, defaults filled in; null when it has none. */
    options: jsonb("options").$type<Record<string, string | boolean>>(),
    /** Set just before a submit call; with no providerJobId after a crash it means "maybe submitted". */
    submitStartedAt: ms("submit_started_at"),
    attempts: integer("attempts").notNull().default(0),
    pollCount: integer("poll_count").notNull().default(0),
    saveAttempts: integer("save_attempts").notNull().default(0),
    /** When the worker should next look at this job. */
    nextCheckAt: ms("next_check_at").notNull(),
    deadlineAt: ms("deadline_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: ms("lease_until"),

    videoKey: text("video_key"),
    posterKey: text("poster_key"),
    videoBytes: bigint("video_bytes", { mode: "number" }),
    videoDurationSeconds: doublePrecision("video_duration_seconds"),
    videoWidth: integer("video_width"),
    videoHeight: integer("video_height"),
    videoCodec: text("video_codec"),

    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
    submittedAt: ms("submitted_at"),
    completedAt: ms("completed_at"),
  },
  (t) => [
    index("jobs_due_idx").on(t.status, t.nextCheckAt),
    index("jobs_user_created_idx").on(t.userId, t.createdAt),
    index("jobs_user_updated_idx").on(t.userId, t.updatedAt),
    uniqueIndex("jobs_provider_job_idx").on(t.provider, t.providerJobId),
    index("jobs_generation_idx").on(t.generationId),
    index("jobs_user_project_idx").on(t.userId, t.projectId, t.createdAt),
  ],
);

/** Every status change of every job, written by a trigger on jobs in the same statement (see ./sqlite.ts). */
export const jobHistory = pgTable(
  "job_history",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    /** Null for the job's creation. */
    fromStatus: text("from_status", { enum: JOB_STATUSES }),
    toStatus: text("to_status", { enum: JOB_STATUSES }).notNull(),
    at: ms("at").notNull(),
    source: text("source", { enum: TRANSITION_SOURCES }).notNull(),
  },
  (t) => [index("job_history_job_idx").on(t.jobId, t.id)],
);

/** One submit from the composer: N takes, or one take per compared model (see ./sqlite.ts). */
export const generations = pgTable(
  "generations",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["takes", "compare"] }).notNull(),
    prompt: text("prompt").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("generations_user_idx").on(t.userId, t.createdAt)],
);

/** A person's projects (boards); a job with no projectId is in "Unsorted". */
export const projects = pgTable(
  "projects",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [uniqueIndex("projects_user_name_idx").on(t.userId, t.name)],
);

/** Webhook deliveries already handled, so a retried delivery is a no-op. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    receivedAt: ms("received_at").notNull().default(pgEpochMs),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/** A revocable public link to one job's video. The token is the capability (>= 128 random bits). */
export const shareLinks = pgTable(
  "share_links",
  {
    token: text("token").primaryKey(),
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at"),
    revokedAt: ms("revoked_at"),
  },
  (t) => [index("share_links_job_idx").on(t.jobId)],
);

/** Personal API tokens for the JSON API; only a SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, so a person can tell their tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: ms("created_at").notNull(),
    lastUsedAt: ms("last_used_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/** Instance-wide settings as key/value rows: the owner's user id and whether sign-up is open. */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

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

// Tables below belong to better-auth (its drizzle adapter reads them by these names).
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").default(false).notNull(),
  image: text("image"),
  createdAt: at("created_at").defaultNow().notNull(),
  updatedAt: at("updated_at")
    .defaultNow()
    .$onUpdate(() => new Date())
    .notNull(),
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: at("expires_at").notNull(),
    token: text("token").notNull().unique(),
    createdAt: at("created_at").defaultNow().notNull(),
    updatedAt: at("updated_at")
      .$onUpdate(() => new Date())
      .notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [index("session_userId_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: at("access_token_expires_at"),
    refreshTokenExpiresAt: at("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    createdAt: at("created_at").defaultNow().notNull(),
    updatedAt: at("updated_at")
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (t) => [index("account_userId_idx").on(t.userId)],
);

export const verification = pgTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: at("expires_at").notNull(),
    createdAt: at("created_at").defaultNow().notNull(),
    updatedAt: at("updated_at")
      .defaultNow()
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);
