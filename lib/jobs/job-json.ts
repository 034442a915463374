/**
 * The JSON shape of a job (GET /api/jobs/:id, list items, outgoing webhook data) as a zod schema:
 * the OpenAPI document is built from it, and the type test below fails to compile when it and
 * serializeJob drift apart.
 */
import { z } from "zod";
import { ATTEMPT_STATUSES, JOB_STATUSES, TRANSITION_SOURCES } from "../db/schema";
import type { JobHistoryEntry } from "./history";
import { ERROR_CODES } from "../providers/types";
import type { JobJson } from "./serialize";

const iso = () => z.string().describe("ISO 8601 time");

export const jobJsonSchema = z.object({
  id: z.string(),
  model: z.string().describe("Model id, e.g. local:preview"),
  modelLabel: z.string(),
  provider: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.number().min(0).max(1),
  etaSeconds: z.number().int().nullable(),
  providerReport: z
    .object({
      servedBy: z.string().optional(),
      servedModel: z.string().optional(),
      cacheHit: z.boolean().optional(),
      latencyMs: z.number().optional(),
      costUsd: z.number().optional(),
      costCredits: z.number().optional(),
    })
    .nullable()
    .describe("What the provider reported about serving the job: upstream provider and model, cache hit, latency, cost"),
  waitingReason: z.string().nullable().describe("Why a queued job has not been sent yet, e.g. waiting for a provider slot"),
  fallback: z.boolean().describe("Whether a rate limit or outage may move the job to another provider selling the same model"),
  attempts: z
    .array(
      z.object({
        n: z.number().int(),
        model: z.string(),
        provider: z.string(),
        providerLabel: z.string(),
        status: z.enum(ATTEMPT_STATUSES),
        error: z.object({ code: z.string(), message: z.string() }).nullable(),
        startedAt: iso().nullable(),
        submittedAt: iso().nullable(),
        endedAt: iso().nullable(),
      }),
    )
    .describe("Each try at a provider, first to last"),
  routeStory: z.string().nullable().describe('e.g. "Replicate was rate limited → made by fal"; null when the job stayed on its first route'),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
  video: z
    .object({
      url: z.string().describe("Path of the video on this studio (/media/…), for the owner's session or token"),
      posterUrl: z.string(),
      durationSeconds: z.number().nullable(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
      bytes: z.number().int().nullable(),
      codec: z.string().nullable(),
    })
    .nullable()
    .describe("Present once the job has succeeded"),
  prompt: z.string(),
  negativePrompt: z.string().nullable(),
  aspectRatio: z.string(),
  durationSeconds: z.number(),
  resolution: z.string(),
  fps: z.number().int(),
  seed: z.number().int().nullable(),
  options: z.record(z.string(), z.union([z.string(), z.boolean()])).nullable().describe("The model's extra options as used (see GET /api/models)"),
  imageUrl: z.string().nullable(),
  parentId: z.string().nullable(),
  /** The generation (one submit's takes) this job belongs to. */
  generationId: z.string().nullable(),
  projectId: z.string().nullable(),
  favorite: z.boolean(),
  createdAt: iso(),
  updatedAt: iso(),
  submittedAt: iso().nullable(),
  completedAt: iso().nullable(),
});

export const jobListSchema = z.object({
  items: z.array(jobJsonSchema),
  nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last one"),
});

/** One job as GET /api/jobs/{id} answers it: the job plus every recorded status change, oldest first. */
export const jobDetailSchema = jobJsonSchema.extend({
  history: z
    .array(
      z.object({
        from: z.enum(JOB_STATUSES).nullable().describe("Null for the job's creation"),
        to: z.enum(JOB_STATUSES),
        at: iso(),
        source: z.enum(TRANSITION_SOURCES).describe("Who brought the change: a provider webhook, a status poll, the worker, or the person"),
      }),
    )
    .describe("Every status change as recorded, oldest first"),
});

export const createdJobSchema = z.object({ id: z.string(), status: z.enum(JOB_STATUSES) });

/**
 * Compile-time check that the schema describes exactly what serializeJob returns (the error code is
 * stored as text; the schema names the codes the app writes).
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Described = z.infer<typeof jobJsonSchema>;
type WithTextCode = Omit<Described, "error"> & { error: { code: string; message: string } | null };
const schemaMatchesSerializer: Same<WithTextCode, JobJson> = true;
void schemaMatchesSerializer;
const historyMatches: Same<z.infer<typeof jobDetailSchema>["history"][number], JobHistoryEntry> = true;
void historyMatches;
