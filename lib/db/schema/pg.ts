/**
 * The Postgres schema: the same tables, columns and row types as ./sqlite.ts (schema.test.ts checks),
 * in Postgres types. Times are epoch milliseconds in bigint columns (read as JS numbers), floats are
 * double precision, JSON is jsonb; better-auth's own tables keep its timestamps.
 */
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { pgEpochMs } from "../dialect/epoch";
import { ATTEMPT_STATUSES, JOB_STATUSES, LEDGER_KINDS, TRANSITION_SOURCES, WEBHOOK_DELIVERY_STATUSES } from "./statuses";

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
    /**
     * The routes this job may try, in order (model ids of one family: lib/models/route-order.ts);
     * null for a job with only its model. `routeIndex` is the one being tried, `model`/`provider` its id.
     */
    routes: jsonb("routes").$type<string[]>(),
    routeIndex: integer("route_index").notNull().default(0),
    /** Off: a rate limit or outage fails the job instead of moving it to its next route. */
    fallback: boolean("fallback").notNull().default(true),
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

/**
 * Each try of a job at a provider: its route, the provider's id for it, how it ended and when.
 * Written in the same statement or transaction as the job's own change (lib/db/queries/attempts.ts).
 */
export const attempts = pgTable(
  "attempts",
  {
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    /** 0 for the first route, then 1, 2...: the job's routeIndex when it was tried. */
    n: integer("n").notNull(),
    model: text("model").notNull(),
    provider: text("provider").notNull(),
    providerJobId: text("provider_job_id"),
    status: text("status", { enum: ATTEMPT_STATUSES }).notNull(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    startedAt: ms("started_at").notNull(),
    submittedAt: ms("submitted_at"),
    endedAt: ms("ended_at"),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.n] })],
);

/**
 * The cost ledger: signed USD amounts per job and attempt, so spend over any period is one SUM.
 * `estimate` (+) when an attempt is reserved, `void` (−) when it ended before the provider began,
 * `settle` (−) and `actual` (+) when the job succeeded. No foreign key: spend outlives a deleted job.
 */
export const ledger = pgTable(
  "ledger",
  {
    jobId: text("job_id").notNull(),
    attempt: integer("attempt").notNull(),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    userId: text("user_id"),
    usd: doublePrecision("usd").notNull(),
    model: text("model").notNull(),
    provider: text("provider").notNull(),
    family: text("family").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.attempt, t.kind] }), index("ledger_created_idx").on(t.createdAt), index("ledger_user_created_idx").on(t.userId, t.createdAt)],
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
    /** The owner lets viewers download the file (the page's Download button, `?download`); on for links made before the choice existed. */
    allowDownload: boolean("allow_download").notNull().default(true),
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
/** Failed sign-ins of the last few minutes (see sqlite.ts). */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    at: ms("at").notNull(),
  },
  (t) => [index("sign_in_failures_key_at").on(t.key, t.at), index("sign_in_failures_at").on(t.at)],
);

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

// Operations (admin CLI, health, idempotency, outgoing webhooks): see ./sqlite.ts for what each is for.

export const workerHeartbeats = pgTable(
  "worker_heartbeats",
  {
    workerId: text("worker_id").primaryKey(),
    pid: integer("pid").notNull(),
    host: text("host").notNull(),
    startedAt: ms("started_at").notNull(),
    beatAt: ms("beat_at").notNull(),
  },
  (t) => [index("worker_heartbeats_beat_idx").on(t.beatAt)],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    jobId: text("job_id").notNull(),
    statusCode: integer("status_code").notNull(),
    responseBody: text("response_body").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    events: text("events").notNull(),
    secretSealed: text("secret_sealed").notNull(),
    createdAt: ms("created_at").notNull(),
    scannedUntil: ms("scanned_until").notNull(),
  },
  (t) => [index("webhook_endpoints_user_idx").on(t.userId)],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    jobId: text("job_id").notNull(),
    event: text("event").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ms("next_attempt_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    lastAttemptAt: ms("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: ms("delivered_at"),
    createdAt: ms("created_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: ms("lease_until"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_idx").on(t.endpointId, t.jobId, t.event),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_user_created_idx").on(t.userId, t.createdAt),
  ],
);

export const disabledUsers = pgTable("disabled_users", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  disabledAt: ms("disabled_at").notNull(),
});

export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    usedAt: ms("used_at"),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);
