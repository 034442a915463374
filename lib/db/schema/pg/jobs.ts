/** Jobs and what hangs off them: status history, attempts at providers, generations, projects, the API's idempotency keys. Twin: ../sqlite/jobs.ts (see ../index.ts before changing either). */
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ATTEMPT_STATUSES, JOB_STATUSES, TRANSITION_SOURCES } from "../statuses";
import { ms } from "./columns";
import { user } from "./auth";

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
