/** Jobs and what hangs off them: status history, attempts at providers, generations, projects, the API's idempotency keys. Twin: ../pg/jobs.ts (see ../index.ts before changing either). */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ATTEMPT_STATUSES, JOB_STATUSES, TRANSITION_SOURCES } from "../statuses";
import { user } from "./auth";

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
