/**
 * The local provider: real MP4s rendered with ffmpeg on this machine, no AI. It behaves like
 * a remote provider so the rest of Dailies has one path: submit returns at once, the render
 * runs in an ffmpeg child process, progress and completion arrive as signed webhooks, and
 * poll reads the render's record in the database, so any worker can poll, save or cancel it.
 * The record also holds the render's params and the claim of the process rendering it
 * (render-claim.ts), so a render survives a restart or a crash: the next worker to poll it finds
 * it unclaimed and starts it again, on whichever machine that worker runs (its input is in storage).
 */
import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { db } from "../../db/client";
import { findLocalRenderForJob, takeOverLocalRender } from "../../db/queries/local-renders";
import { frameSize } from "../../media/frame-size";
import { promptSeed } from "../../media/seeded-random";
import { storage } from "../../storage";
import { keys } from "../../storage/keys";
import { checkOutputResponse } from "../kit/download";
import { ProviderError } from "../kit/errors";
import { IMAGE_EXTENSIONS } from "../kit/image";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider } from "../types";
import { localConfig } from "./config";
import { localModels } from "./models";
import { isFree, me } from "./render-claim";
import { keepRendersAlive } from "./render-heartbeat";
import { formatParams, parseParams, rebaseWebhookUrl, type StoredRenderParams } from "./render-params";
import { beginStopping, enqueueRender, isStopping, ownsRender, stopAllRenders, stopRender } from "./render-queue";
import { createState, isRenderId, isTerminal, newRenderId, readRender, readState, renderDir, toProviderUpdate, writeState, type RenderState, type RenderStateInput } from "./render-state";
import { releaseRender } from "./release-render";
import { removeScratch, reportCanceledBeforeStart, runRender, type RenderParams } from "./run-render";
import { sweepRenders } from "./sweep";
import { defaultLocalWebhookUrl, verifyLocalWebhook } from "./webhook";

export { localWebhookSecret } from "./webhook";

/** A render that keeps losing its process (it takes the machine down?) is given up after this many started tries. */
const MAX_RENDER_ATTEMPTS = 3;

/** Attempt n's scratch folder on this machine: DATA_DIR/renders/<id>/<n>/. */
function attemptDir(id: string, attempt: number): string {
  return path.join(/*turbopackIgnore: true*/ renderDir(id), String(attempt));
}

async function submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted> {
  let size;
  try {
    size = frameSize(job.aspectRatio, job.resolution);
  } catch (err) {
    throw new ProviderError("invalid_input", `The local preview cannot render ${job.aspectRatio} at ${job.resolution}.`, { cause: err });
  }
  const id = newRenderId();
  const imageExt = ctx.image ? IMAGE_EXTENSIONS[ctx.image.mime] : null;
  // Everything a later owner needs, written with the record, before the render is queued: the input
  // image goes into storage, where a worker on another machine can read it.
  if (ctx.image && imageExt) await storage().put(keys.renderInput(id, imageExt as "png" | "jpg" | "webp"), ctx.image.bytes);
  const stored: StoredRenderParams = {
    jobId: job.id,
    webhookUrl: ctx.webhookUrl ?? defaultLocalWebhookUrl(),
    prompt: job.prompt,
    imageExt: imageExt as StoredRenderParams["imageExt"],
    durationSeconds: job.durationSeconds,
    fps: job.fps,
    width: size.width,
    height: size.height,
    seed: job.seed ?? promptSeed(job.prompt),
  };
  const queued: RenderStateInput = { status: "queued", progress: 0, etaSeconds: null, message: "Waiting for a free render slot.", errorCode: null };
  // While this process shuts down it leaves the render unclaimed: the next worker to look at it renders it.
  const claimIt = !isStopping();
  const state = await createState(id, queued, { jobId: job.id, params: formatParams(stored), owner: claimIt ? me() : null });
  if (claimIt) {
    const dir = attemptDir(id, 1);
    await fsp.mkdir(dir, { recursive: true });
    let imageFile: string | null = null;
    if (ctx.image && imageExt) {
      imageFile = path.join(/*turbopackIgnore: true*/ dir, `input.${imageExt}`);
      await fsp.writeFile(imageFile, ctx.image.bytes);
    }
    enqueue(id, dir, imageFile, stored, 1, stored.webhookUrl);
  }
  return { providerJobId: id, providerData: null, update: toProviderUpdate(state, state) };
}

function enqueue(id: string, dir: string, imageFile: string | null, stored: StoredRenderParams, attempt: number, webhookUrl: string): void {
  const params: RenderParams = {
    id,
    dir,
    attempt,
    webhookUrl,
    prompt: stored.prompt,
    imageFile,
    durationSeconds: stored.durationSeconds,
    fps: stored.fps,
    width: stored.width,
    height: stored.height,
    seed: stored.seed,
  };
  enqueueRender(id, attempt, { run: (signal) => runRender(params, signal), drop: () => reportCanceledBeforeStart(params), leave: () => removeScratch(params) });
  keepRendersAlive();
}

function failed(message: string, raw: unknown = null): ProviderUpdate {
  return { status: "failed", errorCode: "internal", message, raw };
}

async function poll(ref: ProviderJobRef): Promise<ProviderUpdate> {
  const id = ref.providerJobId;
  if (!isRenderId(id)) return failed("This job does not refer to a local render.");
  const render = await readRender(id);
  if (!render) return failed("The local render's record is gone (released or never written). Try again.");
  const { state, row } = render;
  if (isTerminal(state.status) || ownsRender(id) || !isFree(row)) return toProviderUpdate(state, state);
  return takeOver(id, state, row.attempt, row.startedAttempts, row.params);
}

/**
 * A render nobody is working on (its process stopped, or handed it back) is started again from the
 * beginning here, under a new claim: the renderer runs on whichever worker looks at the job next.
 */
async function takeOver(id: string, seen: RenderState, attempt: number, started: number, paramsJson: string | null): Promise<ProviderUpdate> {
  const end = async (message: string, claim = attempt) => {
    const dead: RenderStateInput = { status: "failed", progress: seen.progress, etaSeconds: null, message, errorCode: "internal" };
    // It ended (or was taken over) in the meantime: what it ended with wins.
    if (!(await writeState(id, dead, claim))) {
      const now = await readState(id);
      return now ? toProviderUpdate(now, now) : failed(message);
    }
    return failed(message, { ...dead, updatedAt: Date.now() });
  };
  const stored = parseParams(paramsJson);
  if (!stored) return end("The local render was interrupted (Dailies restarted or the render process stopped) and cannot be started again. Try again.");
  if (started >= MAX_RENDER_ATTEMPTS)
    return end(`The local render was interrupted ${MAX_RENDER_ATTEMPTS} times (Dailies stopped while rendering it each time). Try a shorter or smaller video.`);
  if (isStopping()) return toProviderUpdate(seen, seen);

  const next = attempt + 1;
  const queued: RenderStateInput = { status: "queued", progress: 0, etaSeconds: null, message: "Starting again: the process that was rendering it stopped.", errorCode: null };
  if (!(await takeOverLocalRender(await db(), id, attempt, me(), { ...queued, errorCode: null }, Date.now()))) {
    const now = await readState(id);
    return now ? toProviderUpdate(now, now) : failed("The local render's record is gone (released or never written). Try again.");
  }
  // From here on this process holds the render: its own scratch folder, the input read back from storage.
  const dir = attemptDir(id, next);
  await fsp.rm(dir, { recursive: true, force: true });
  await fsp.mkdir(dir, { recursive: true });
  let imageFile: string | null = null;
  if (stored.imageExt) {
    const opened = await storage().open(keys.renderInput(id, stored.imageExt));
    if (!opened) {
      await fsp.rm(dir, { recursive: true, force: true });
      return end("The local render was interrupted and its input is gone, so it cannot start again. Try again.", next);
    }
    imageFile = path.join(/*turbopackIgnore: true*/ dir, `input.${stored.imageExt}`);
    await pipeline(opened.stream, fs.createWriteStream(imageFile));
  }
  enqueue(id, dir, imageFile, stored, next, rebaseWebhookUrl(stored.webhookUrl));
  const state: RenderState = { ...queued, updatedAt: Date.now() };
  return toProviderUpdate(state, state);
}

async function cancel(ref: ProviderJobRef): Promise<void> {
  const id = ref.providerJobId;
  if (!isRenderId(id)) return;
  if (await stopRender(id)) return;
  // Rendered elsewhere (or by a process that is gone): the record says so, and the process that
  // renders it, if any, stops it at its next heartbeat.
  const state = await readState(id);
  if (state && !isTerminal(state.status)) {
    await writeState(id, { status: "canceled", progress: state.progress, etaSeconds: null, message: "The render was canceled.", errorCode: null });
  }
}

/** Finds the render made for this job, by the job id in its record (a crash before its id was stored). */
async function findSubmitted(job: ProviderJob): Promise<Submitted | null> {
  const row = await findLocalRenderForJob(await db(), job.id);
  if (!row) return null;
  const state = await readState(row.id);
  const update: ProviderUpdate = state ? toProviderUpdate(state, state) : { status: "queued", progress: 0, raw: null };
  return { providerJobId: row.id, providerData: null, update };
}

const GONE = "The local render's video is gone (cleaned up or never finished). Try again.";

/** The render's file, from storage, as a Response through the kit's one output mapping (a missing file is a 404: output_expired). */
async function fetchOutput(ref: ProviderJobRef, _update: ProviderUpdate, signal: AbortSignal): Promise<Response> {
  const opened = isRenderId(ref.providerJobId) ? await storage().open(keys.render(ref.providerJobId)) : null;
  if (!opened) return checkOutputResponse(new Response(null, { status: 404 }), "The local renderer", GONE);
  const { stream } = opened;
  const onAbort = () => stream.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });
  stream.once("close", () => signal.removeEventListener("abort", onAbort));
  const res = new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: { "content-type": "video/mp4", "content-length": String(opened.size) },
  });
  return checkOutputResponse(res, "The local renderer", GONE);
}

async function release(ref: ProviderJobRef): Promise<void> {
  await releaseRender(ref.providerJobId);
}

export const localProvider: VideoProvider = {
  id: "local",
  label: "Local preview",
  config: { schema: localConfig },
  models: localModels,
  isConfigured: () => true,
  configureHint: "Always available: renders on this machine with ffmpeg, no AI.",
  callbacks: "internal",
  submit,
  findSubmitted,
  poll,
  cancel,
  verifyWebhook: async ({ rawBody, headers }) => verifyLocalWebhook(rawBody, headers),
  fetchOutput,
  release,
  sweep: sweepRenders,
  stop: stopAllRenders,
  beginStop: beginStopping,
};
