import "server-only";
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Job } from "../db/schema";
import { env } from "../env";
import { finishStep } from "../jobs/apply-update";
import { ensurePlayable } from "../media/ensure-playable";
import { makePoster } from "../media/poster";
import { NotAVideoError, ProbeInterruptedError, probe } from "../media/probe";
import { FfmpegError } from "../media/run-ffmpeg";
import { withScratch } from "../media/scratch";
import { ProviderError } from "../providers/kit/errors";
import type { ErrorCode, ProviderUpdate } from "../providers/types";
import { storage } from "../storage";
import { keys } from "../storage/keys";
import { sizeLimit, TooLargeError } from "../storage/size-limit";
import type { WorkerContext } from "./context";
import { modelAndProvider, refOf } from "./provider-ref";
import { MAX_SAVE_ATTEMPTS, retryAt } from "./schedule";
import { logger } from "../log/logger";

const log = logger("worker");

class SaveFailure extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

/**
 * Copies a finished video into our storage (streamed, capped, with a timeout), checks that it
 * really is a playable video, makes a poster, and only then marks the job succeeded. The download,
 * probe, transcode and poster work on local scratch files; only the finished files go to storage.
 */
export async function saveOutput(ctx: WorkerContext, job: Job): Promise<void> {
  const { db, owner } = ctx;
  // The worker holds the lease through a long copy (Worker.step).
  try {
    const video = await withScratch((scratch) => copyAndCheck(job, scratch));
    await finishStep(db, job.id, owner, { transition: { to: "succeeded", video }, nextCheckAt: null }, ctx.now());
    const { provider } = modelAndProvider(job);
    const ref = refOf(job);
    if (ref) await provider.release?.(ref).catch(() => undefined);
  } catch (err) {
    const saveAttempts = job.saveAttempts + 1;
    // ffprobe or ffmpeg stopped by a signal (a stop of the whole service signals them too) says
    // nothing about the video: the copy is done again, by this process or the next.
    const interrupted = err instanceof ProbeInterruptedError || (err instanceof FfmpegError && err.signalled);
    const retryable = (interrupted || (err instanceof ProviderError && err.retryable)) && saveAttempts < MAX_SAVE_ATTEMPTS;
    if (retryable) {
      const after = err instanceof ProviderError ? (err.retryAfterSeconds ?? null) : null;
      await finishStep(db, job.id, owner, { bookkeeping: { saveAttempts }, nextCheckAt: retryAt(saveAttempts, after, ctx.cadence, ctx.now()) }, ctx.now());
    } else {
      const { code, message } = describe(err);
      await finishStep(db, job.id, owner, { transition: { to: "failed", errorCode: code, errorMessage: message }, bookkeeping: { saveAttempts }, nextCheckAt: null }, ctx.now());
    }
  }
}

async function copyAndCheck(job: Job, scratch: (ext: string) => string) {
  const { provider } = modelAndProvider(job);
  const ref = refOf(job);
  if (!ref) throw new SaveFailure("internal", "The job has no provider reference to fetch its video from.");
  const update = (job.outputUpdate ?? { status: "succeeded", outputUrl: job.outputUrl ?? undefined, raw: null }) as unknown as ProviderUpdate;
  const { MAX_OUTPUT_MB, OUTPUT_DOWNLOAD_TIMEOUT_SECONDS } = env();
  const maxBytes = MAX_OUTPUT_MB * 1024 * 1024;

  const signal = AbortSignal.timeout(OUTPUT_DOWNLOAD_TIMEOUT_SECONDS * 1000);
  // Adapters open outputs through the kit (openOutput / checkOutputResponse), which already
  // mapped every HTTP answer and a declared size over the cap; what is left here is a body to stream.
  const res = await provider.fetchOutput(ref, update, signal);
  if (!res.body) throw new SaveFailure("provider_error", "The provider sent no video.");

  const raw = scratch("mp4");
  try {
    await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), sizeLimit(maxBytes), fs.createWriteStream(raw), { signal });
  } catch (err) {
    if (err instanceof TooLargeError) throw err;
    throw new ProviderError(signal.aborted ? "timeout" : "provider_error", "The download of the finished video was interrupted.", { cause: err });
  }

  let file = raw;
  let info = await probe(raw);
  const transcoded = scratch("mp4");
  const playable = await ensurePlayable(raw, info, transcoded);
  if (playable) {
    file = transcoded;
    info = playable;
  }
  const posterTmp = scratch("webp");
  await makePoster(file, posterTmp, { durationSeconds: info.durationSeconds });

  const videoKey = keys.video(job.id);
  const posterKey = keys.poster(job.id);
  const stored = await store(videoKey, file);
  await store(posterKey, posterTmp);
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

/** A store that is briefly unavailable (S3 503 SlowDown, a network blip) is retried like a provider hiccup. */
async function store(key: string, file: string) {
  try {
    return await storage().putFile(key, file);
  } catch (err) {
    log.error("storing output failed", { key, err });
    throw new ProviderError("internal", "Dailies could not write the finished video to its storage. Try again.", { retryable: true, cause: err });
  }
}

function describe(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof SaveFailure) return { code: err.code, message: err.message };
  if (err instanceof ProviderError) return { code: err.code, message: err.message };
  if (err instanceof NotAVideoError)
    return { code: "provider_error", message: "The provider returned a file that is not a video (often an error page). Try again." };
  if (err instanceof TooLargeError)
    return { code: "provider_error", message: `The provider's video is larger than the ${Math.round(err.maxBytes / 1048576)} MB limit (MAX_OUTPUT_MB).` };
  log.error("saving output failed", { err });
  return { code: "internal", message: "Dailies could not store the finished video. Try again." };
}
