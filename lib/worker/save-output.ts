import "server-only";
import fsp from "node:fs/promises";
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { renewLease } from "../db/queries/jobs";
import type { Job } from "../db/schema";
import { env } from "../env";
import { finishStep } from "../jobs/apply-update";
import { ensurePlayable } from "../media/ensure-playable";
import { makePoster } from "../media/poster";
import { NotAVideoError, probe } from "../media/probe";
import { ProviderError } from "../providers/provider-error";
import type { ErrorCode, ProviderUpdate } from "../providers/types";
import { storage } from "../storage";
import { keys } from "../storage/keys";
import { sizeLimit, TooLargeError } from "../storage/local-disk";
import type { WorkerContext } from "./context";
import { modelAndProvider, refOf } from "./provider-ref";
import { MAX_SAVE_ATTEMPTS, retryAt } from "./schedule";

class SaveFailure extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

/**
 * Copies a finished video into our storage (streamed, capped, with a timeout), checks that it
 * really is a playable video, makes a poster, and only then marks the job succeeded.
 */
export async function saveOutput(ctx: WorkerContext, job: Job): Promise<void> {
  const { db, owner } = ctx;
  const renew = setInterval(() => void renewLease(db, job.id, owner, ctx.leaseMs).catch(() => undefined), Math.max(500, ctx.leaseMs / 3));
  const scratch: string[] = [];
  try {
    const video = await copyAndCheck(job, scratch);
    await finishStep(db, job.id, owner, { transition: { to: "succeeded", video }, nextCheckAt: null }, ctx.now());
    const { provider } = modelAndProvider(job);
    const ref = refOf(job);
    if (ref) await provider.release?.(ref).catch(() => undefined);
  } catch (err) {
    const saveAttempts = job.saveAttempts + 1;
    const retryable = err instanceof ProviderError && err.retryable && saveAttempts < MAX_SAVE_ATTEMPTS;
    if (retryable) {
      await finishStep(db, job.id, owner, { bookkeeping: { saveAttempts }, nextCheckAt: retryAt(saveAttempts, err.retryAfterSeconds, ctx.cadence, ctx.now()) }, ctx.now());
    } else {
      const { code, message } = describe(err);
      await finishStep(db, job.id, owner, { transition: { to: "failed", errorCode: code, errorMessage: message }, bookkeeping: { saveAttempts }, nextCheckAt: null }, ctx.now());
    }
  } finally {
    clearInterval(renew);
    await Promise.all(scratch.map((f) => fsp.rm(f, { force: true })));
  }
}

async function copyAndCheck(job: Job, scratch: string[]) {
  const { provider } = modelAndProvider(job);
  const ref = refOf(job);
  if (!ref) throw new SaveFailure("internal", "The job has no provider reference to fetch its video from.");
  const update = (job.outputUpdate ?? { status: "succeeded", outputUrl: job.outputUrl ?? undefined, raw: null }) as unknown as ProviderUpdate;
  const { MAX_OUTPUT_MB, OUTPUT_DOWNLOAD_TIMEOUT_SECONDS } = env();
  const maxBytes = MAX_OUTPUT_MB * 1024 * 1024;

  const signal = AbortSignal.timeout(OUTPUT_DOWNLOAD_TIMEOUT_SECONDS * 1000);
  const res = await provider.fetchOutput(ref, update, signal);
  if (res.status === 404 || res.status === 410 || res.status === 403)
    throw new SaveFailure("output_expired", "The provider no longer has this video (its link expired before we could copy it). Try again.");
  if (res.status >= 500) throw new ProviderError("provider_error", `The provider answered ${res.status} when we fetched the video.`);
  if (!res.ok || !res.body) throw new SaveFailure("provider_error", `The provider answered ${res.status} when we fetched the video.`);
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw new TooLargeError(maxBytes);

  const raw = storage().tempPath("mp4");
  scratch.push(raw);
  try {
    await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), sizeLimit(maxBytes), fs.createWriteStream(raw), { signal });
  } catch (err) {
    if (err instanceof TooLargeError) throw err;
    throw new ProviderError(signal.aborted ? "timeout" : "provider_error", "The download of the finished video was interrupted.", { cause: err });
  }

  let file = raw;
  let info = await probe(raw);
  const transcoded = storage().tempPath("mp4");
  scratch.push(transcoded);
  const playable = await ensurePlayable(raw, info, transcoded);
  if (playable) {
    file = transcoded;
    info = playable;
  }
  const posterTmp = storage().tempPath("webp");
  scratch.push(posterTmp);
  await makePoster(file, posterTmp, { durationSeconds: info.durationSeconds });

  const videoKey = keys.video(job.id);
  const posterKey = keys.poster(job.id);
  const stored = await storage().importFile(videoKey, file);
  await storage().importFile(posterKey, posterTmp);
  return {
    videoKey,
    posterKey,
    videoBytes: stored.size,
    videoDurationSeconds: info.durationSeconds,
    videoWidth: info.width,
    videoHeight: info.height,
    videoCodec: info.codec,
  };
}

function describe(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof SaveFailure) return { code: err.code, message: err.message };
  if (err instanceof ProviderError) return { code: err.code, message: err.message };
  if (err instanceof NotAVideoError)
    return { code: "provider_error", message: "The provider returned a file that is not a video (often an error page). Try again." };
  if (err instanceof TooLargeError)
    return { code: "provider_error", message: `The provider's video is larger than the ${Math.round(err.maxBytes / 1048576)} MB limit (MAX_OUTPUT_MB).` };
  console.error("[worker] saving output failed", err);
  return { code: "internal", message: "Dailies could not store the finished video. Try again." };
}
