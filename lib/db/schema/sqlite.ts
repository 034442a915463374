/** The SQLite schema (the embedded default). Its twin is ./pg.ts; see ./index.ts before changing either. */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sqliteEpochMs, sqliteEpochSecondsMs } from "../dialect/epoch";
import { ATTEMPT_STATUSES, JOB_STATUSES, LEDGER_KINDS, TRANSITION_SOURCES, WEBHOOK_DELIVERY_STATUSES } from "./statuses";

export const jobs = sqliteTable(
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
    durationSeconds: real("duration_seconds").notNull(),
    resolution: text("resolution").notNull(),
    fps: integer("fps").notNull(),
    seed: integer("seed"),
    /** Values of the model's typed options (AI.ML's camera-fixed, Veo's audio...), defaults filled in; null when it has none. */
    options: text("options", { mode: "json" }).$type<Record<string, string | boolean>>(),
    inputImageKey: text("input_image_key"),
    favorite: integer("favorite", { mode: "boolean" }).notNull().default(false),
    /** The generation (one submit: N takes, or one take per compared model) this job is a take of; null for jobs made one by one before generations existed. */
    generationId: text("generation_id"),
    /** The owner's project (board); null is the default "Unsorted". */
    projectId: text("project_id"),

    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    /** Who made the last status change; the job_history triggers copy it into the row they write. */
    statusSource: text("status_source", { enum: TRANSITION_SOURCES }),
    progress: real("progress").notNull().default(0),
    etaSeconds: integer("eta_seconds"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),

    providerJobId: text("provider_job_id"),
    providerData: text("provider_data", { mode: "json" }).$type<Record<string, unknown>>(),
    outputUrl: text("output_url"),
    /** The provider update that said "done", kept so the copy step can fetch the output. */
    outputUpdate: text("output_update", { mode: "json" }).$type<Record<string, unknown>>(),
    /** What the provider reported about serving the finished job (upstream, model, cache hit, cost): lib/jobs/provider-report.ts. */
    providerReport: text("provider_report", { mode: "json" }).$type<Record<string, unknown>>(),
    /**
     * The routes this job may try, in order (model ids of one family: lib/models/route-order.ts);
     * null for a job with only its model. `routeIndex` is the one being tried, `model`/`provider` its id.
     */
    routes: text("routes", { mode: "json" }).$type<string[]>(),
    routeIndex: integer("route_index").notNull().default(0),
    /** Off: a rate limit or outage fails the job instead of moving it to its next route. */
    fallback: integer("fallback", { mode: "boolean" }).notNull().default(true),
    /** Set just before a submit call; with no providerJobId after a crash it means "maybe submitted". */
    submitStartedAt: integer("submit_started_at"),
    attempts: integer("attempts").notNull().default(0),
    pollCount: integer("poll_count").notNull().default(0),
    saveAttempts: integer("save_attempts").notNull().default(0),
    /** When the worker should next look at this job. */
    nextCheckAt: integer("next_check_at").notNull(),
    deadlineAt: integer("deadline_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),

    videoKey: text("video_key"),
    posterKey: text("poster_key"),
    videoBytes: integer("video_bytes"),
    videoDurationSeconds: real("video_duration_seconds"),
    videoWidth: integer("video_width"),
    videoHeight: integer("video_height"),
    videoCodec: text("video_codec"),

    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    submittedAt: integer("submitted_at"),
    completedAt: integer("completed_at"),
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

/**
 * Every status change of every job, in order: written by triggers on jobs (drizzle/sqlite/0011_job_history_triggers.sql,
 * drizzle/pg/0010_job_history_triggers.sql) in the same statement as the change itself, so the history can
 * never miss a transition or record one that did not happen. Tests and the job page read it instead of
 * hoping a poller saw a short-lived state.
 */
export const jobHistory = sqliteTable(
  "job_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    /** Null for the job's creation. */
    fromStatus: text("from_status", { enum: JOB_STATUSES }),
    toStatus: text("to_status", { enum: JOB_STATUSES }).notNull(),
    at: integer("at").notNull(),
    source: text("source", { enum: TRANSITION_SOURCES }).notNull(),
  },
  (t) => [index("job_history_job_idx").on(t.jobId, t.id)],
);

/**
 * Each try of a job at a provider: its route, the provider's id for it, how it ended and when.
 * Written in the same statement or transaction as the job's own change (lib/db/queries/attempts.ts).
 */
export const attempts = sqliteTable(
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
    startedAt: integer("started_at").notNull(),
    submittedAt: integer("submitted_at"),
    endedAt: integer("ended_at"),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.n] })],
);

/**
 * The cost ledger: signed USD amounts per job and attempt, so spend over any period is one SUM.
 * `estimate` (+) when an attempt is reserved, `void` (−) when it ended before the provider began,
 * `settle` (−) and `actual` (+) when the job succeeded. No foreign key: spend outlives a deleted job.
 */
export const ledger = sqliteTable(
  "ledger",
  {
    jobId: text("job_id").notNull(),
    attempt: integer("attempt").notNull(),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    userId: text("user_id"),
    usd: real("usd").notNull(),
    model: text("model").notNull(),
    provider: text("provider").notNull(),
    family: text("family").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.attempt, t.kind] }), index("ledger_created_idx").on(t.createdAt), index("ledger_user_created_idx").on(t.userId, t.createdAt)],
);

/**
 * One submit from the composer: the takes it made share a prompt and settings (kind "takes": N jobs,
 * different seeds) or a prompt across models (kind "compare": one take per model). The feed groups them in one row.
 */
export const generations = sqliteTable(
  "generations",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["takes", "compare"] }).notNull(),
    prompt: text("prompt").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("generations_user_idx").on(t.userId, t.createdAt)],
);

/** A person's projects (boards). Jobs point here by projectId; a job with none is in "Unsorted". */
export const projects = sqliteTable(
  "projects",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("projects_user_name_idx").on(t.userId, t.name)],
);

/** Webhook deliveries already handled, so a retried delivery is a no-op. */
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    receivedAt: integer("received_at").notNull().default(sqliteEpochSecondsMs),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

/** A revocable public link to one job's video. The token is the capability (>= 128 random bits). */
export const shareLinks = sqliteTable(
  "share_links",
  {
    token: text("token").primaryKey(),
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at"),
    revokedAt: integer("revoked_at"),
    /** The owner lets viewers download the file (the page's Download button, `?download`); on for links made before the choice existed. */
    allowDownload: integer("allow_download", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [index("share_links_job_idx").on(t.jobId)],
);

/** Personal API tokens for the JSON API; only a SHA-256 of the token is stored. */
export const apiTokens = sqliteTable(
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
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/** Instance-wide settings as key/value rows: the owner's user id and whether sign-up is open. */
export const instanceSettings = sqliteTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

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
/**
 * Failed sign-ins of the last few minutes, one row per failure and counter (`client|email` and
 * `*|email`): the throttle holds across every web server on the database.
 */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("sign_in_failures_key_at").on(t.key, t.at), index("sign_in_failures_at").on(t.at)],
);

// Tables below belong to better-auth (its drizzle adapter reads them by these names).
const nowMs = sqliteEpochMs;

export const user = sqliteTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).default(false).notNull(),
  image: text("image"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).default(nowMs).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .default(nowMs)
    .$onUpdate(() => new Date())
    .notNull(),
});

export const session = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).default(nowMs).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
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

export const account = sqliteTable(
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
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).default(nowMs).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (t) => [index("account_userId_idx").on(t.userId)],
);

export const verification = sqliteTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).default(nowMs).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .default(nowMs)
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

/** One row per worker process, rewritten as it ticks: /api/health reads the newest beat. */
export const workerHeartbeats = sqliteTable(
  "worker_heartbeats",
  {
    workerId: text("worker_id").primaryKey(),
    pid: integer("pid").notNull(),
    host: text("host").notNull(),
    startedAt: integer("started_at").notNull(),
    beatAt: integer("beat_at").notNull(),
  },
  (t) => [index("worker_heartbeats_beat_idx").on(t.beatAt)],
);


/**
 * `Idempotency-Key`s of POST /api/jobs, per user, for 24 hours: the request's hash and the answer
 * it got, written in the same transaction as the job, so a retried request gets the same job.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    jobId: text("job_id").notNull(),
    statusCode: integer("status_code").notNull(),
    responseBody: text("response_body").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);


/** Where a person wants to hear about their jobs ending (Settings → Webhooks, /api/webhooks/endpoints). */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    /** Job statuses to report, comma-separated: "succeeded,failed,canceled". */
    events: text("events").notNull(),
    /** The `whsec_` signing secret, sealed with APP_SECRET (lib/provider-settings/crypto.ts, bound to the endpoint id). */
    secretSealed: text("secret_sealed").notNull(),
    createdAt: integer("created_at").notNull(),
    /** Jobs that ended before this have been turned into deliveries (the dispatcher's watermark). */
    scannedUntil: integer("scanned_until").notNull(),
  },
  (t) => [index("webhook_endpoints_user_idx").on(t.userId)],
);


/** One event for one endpoint: its payload, its retries and how the last try went (the delivery log). */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    /** Also the `webhook-id` header: the same on every retry, so receivers can deduplicate. */
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    /** Not a foreign key: the log outlives a deleted job. */
    jobId: text("job_id").notNull(),
    event: text("event").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    /** Retries stop here (24 h after the event, or after "Send again"). */
    expiresAt: integer("expires_at").notNull(),
    lastAttemptAt: integer("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: integer("delivered_at"),
    createdAt: integer("created_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_idx").on(t.endpointId, t.jobId, t.event),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_user_created_idx").on(t.userId, t.createdAt),
  ],
);


/** People the owner (or `npm run admin -- disable`) has shut out: no sign-in, no session, no API token works. */
export const disabledUsers = sqliteTable("disabled_users", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  disabledAt: integer("disabled_at").notNull(),
});

/** One-time password-reset links (admin CLI, Settings → People); only a SHA-256 of the token is kept. */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);
