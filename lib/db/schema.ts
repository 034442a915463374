/** The one schema file. Times are epoch milliseconds. */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const JOB_STATUSES = ["queued", "submitted", "running", "saving", "succeeded", "failed", "canceled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    /** Owner; accounts arrive later, null until then. */
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
    inputImageKey: text("input_image_key"),

    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    progress: real("progress").notNull().default(0),
    etaSeconds: integer("eta_seconds"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),

    providerJobId: text("provider_job_id"),
    providerData: text("provider_data", { mode: "json" }).$type<Record<string, unknown>>(),
    outputUrl: text("output_url"),
    /** The provider update that said "done", kept so the copy step can fetch the output. */
    outputUpdate: text("output_update", { mode: "json" }).$type<Record<string, unknown>>(),
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
    uniqueIndex("jobs_provider_job_idx").on(t.provider, t.providerJobId),
  ],
);

export type Job = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;

/** Webhook deliveries already handled, so a retried delivery is a no-op. */
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    receivedAt: integer("received_at").notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);
