/**
 * The local provider: real MP4s rendered with ffmpeg on this machine, no AI. It behaves like
 * a remote provider so the rest of Dailies has one path: submit returns at once, the render
 * runs in an ffmpeg child process, progress and completion arrive as signed webhooks, and
 * poll reads the render's state.json. Everything about a render lives in its folder, claimed
 * by the process rendering it (render-claim.ts), so a render survives a restart or a crash:
 * the next process to poll it finds it unclaimed and starts it again.
 */
import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { frameSize } from "../../media/frame-size";
import { promptSeed } from "../../media/seeded-random";
import { thisProcess } from "../../runtime/process-identity";
import { checkOutputResponse } from "../kit/download";
import { ProviderError } from "../kit/errors";
import { IMAGE_EXTENSIONS } from "../kit/image";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider } from "../types";
import { localConfig } from "./config";
import { localModels } from "./models";
import { currentClaim, isFree, releaseClaim, startedAttempts, takeClaim } from "./render-claim";
import { readParams, rebaseWebhookUrl, writeParams, type StoredRenderParams } from "./render-params";
import { CANCEL_REQUEST_FILE, enqueueRender, isStopping, ownsRender, stopAllRenders, stopRender } from "./render-queue";
import { OUTPUT_FILE, isRenderId, isTerminal, newRenderId, readState, renderDir, rendersRoot, toProviderUpdate, writeState, type RenderStateInput } from "./render-state";
import { reportCanceledBeforeStart, runRender, type RenderParams } from "./run-render";
import { sweepRenders } from "./sweep";
import { defaultLocalWebhookUrl, verifyLocalWebhook } from "./webhook";

export { localWebhookSecret } from "./webhook";

/** A render that keeps losing its process (it takes the machine down?) is given up after this many starts. */
const MAX_RENDER_ATTEMPTS = 3;

async function submit(job: ProviderJob, ctx: SubmitContext): Promise<Submitted> {
  let size;
  try {
    size = frameSize(job.aspectRatio, job.resolution);
  } catch (err) {
    throw new ProviderError("invalid_input", `The local preview cannot render ${job.aspectRatio} at ${job.resolution}.`, { cause: err });
  }
  const id = newRenderId();
  const dir = renderDir(id);
  await fsp.mkdir(dir, { recursive: true });
  let imageFile: string | null = null;
  if (ctx.image) {
    imageFile = `input.${IMAGE_EXTENSIONS[ctx.image.mime]}`;
    await fsp.writeFile(path.join(/*turbopackIgnore: true*/ dir, imageFile), ctx.image.bytes);
  }
  // Everything a later owner needs, written before the render is claimed or queued.
  const stored: StoredRenderParams = {
    jobId: job.id,
    webhookUrl: ctx.webhookUrl ?? defaultLocalWebhookUrl(),
    prompt: job.prompt,
    imageFile,
    durationSeconds: job.durationSeconds,
    fps: job.fps,
    width: size.width,
    height: size.height,
    seed: job.seed ?? promptSeed(job.prompt),
  };
  await writeParams(dir, stored);
  const queued: RenderStateInput = { status: "queued", progress: 0, etaSeconds: null, message: "Waiting for a free render slot.", errorCode: null };
  const state = await writeState(dir, queued);
  // While this process shuts down it leaves the render unclaimed: the next one to look at it renders it.
  if (!isStopping() && (await takeClaim(dir, 1, thisProcess()))) enqueue(id, dir, stored, 1, stored.webhookUrl);
  return { providerJobId: id, providerData: null, update: toProviderUpdate(state, state) };
}

function enqueue(id: string, dir: string, stored: StoredRenderParams, attempt: number, webhookUrl: string): void {
  const params: RenderParams = {
    id,
    dir,
    attempt,
    webhookUrl,
    prompt: stored.prompt,
    imageFile: stored.imageFile ? path.join(dir, stored.imageFile) : null,
    durationSeconds: stored.durationSeconds,
    fps: stored.fps,
    width: stored.width,
    height: stored.height,
    seed: stored.seed,
  };
  enqueueRender(id, { dir, attempt }, { run: (signal) => runRender(params, signal), drop: () => reportCanceledBeforeStart(params) });
}

function failed(message: string, raw: unknown = null): ProviderUpdate {
  return { status: "failed", errorCode: "internal", message, raw };
}

async function poll(ref: ProviderJobRef): Promise<ProviderUpdate> {
  const id = ref.providerJobId;
  if (!isRenderId(id)) return failed("This job does not refer to a local render.");
  const dir = renderDir(id);
  const state = await readState(dir);
  if (!state) {
    // The folder exists but state.json is being created: only possible while we own it.
    if (ownsRender(id)) return { status: "queued", progress: 0, raw: null };
    const exists = await fsp.stat(dir).then(() => true, () => false);
    return failed(exists ? "The local render's state file is unreadable." : "The local render's files are gone (deleted or never written). Try again.");
  }
  if (isTerminal(state.status) || ownsRender(id)) return toProviderUpdate(state, state);
  const claim = await currentClaim(dir);
  if (!isFree(claim)) return toProviderUpdate(state, state);
  return takeOver(id, dir, (claim?.attempt ?? 0) + 1);
}

/**
 * A render nobody is working on (its process stopped, or handed it back) is started again from the
 * beginning here, under a new claim: the renderer runs on whichever worker looks at the job next.
 */
async function takeOver(id: string, dir: string, attempt: number): Promise<ProviderUpdate> {
  const end = async (status: "failed" | "canceled", message: string) => {
    const last = await writeState(dir, { status, progress: 0, etaSeconds: null, message, errorCode: status === "failed" ? "internal" : null }).catch(() => null);
    return last ? toProviderUpdate(last, last) : failed(message);
  };
  if (fs.existsSync(path.join(dir, CANCEL_REQUEST_FILE))) return end("canceled", "The render was canceled.");
  const stored = await readParams(dir);
  const inputThere = stored && (!stored.imageFile || fs.existsSync(path.join(dir, stored.imageFile)));
  if (!inputThere) return end("failed", "The local render was interrupted and its input is gone, so it cannot start again. Try again.");
  if ((await startedAttempts(dir)) >= MAX_RENDER_ATTEMPTS)
    return end("failed", `The local render was interrupted ${MAX_RENDER_ATTEMPTS} times (Dailies stopped while rendering it each time). Try a shorter or smaller video.`);

  const now = (await readState(dir)) ?? null;
  if (isStopping() || !(await takeClaim(dir, attempt, thisProcess()))) return now ? toProviderUpdate(now, now) : { status: "queued", progress: 0, raw: null };
  // What earlier attempts left behind; from here on this process owns the folder.
  for (const name of await fsp.readdir(dir)) if (name === OUTPUT_FILE || /^attempt-\d+\.mp4(\.partial)?$/.test(name)) await fsp.rm(path.join(dir, name), { force: true });
  const queued = await writeState(dir, { status: "queued", progress: 0, etaSeconds: null, message: "Starting again: the process that was rendering it stopped.", errorCode: null });
  enqueue(id, dir, stored, attempt, rebaseWebhookUrl(stored.webhookUrl));
  return toProviderUpdate(queued, queued);
}

async function cancel(ref: ProviderJobRef): Promise<void> {
  const id = ref.providerJobId;
  if (!isRenderId(id)) return;
  if (await stopRender(id)) return;
  const dir = renderDir(id);
  const state = await readState(dir);
  if (!state || isTerminal(state.status)) return;
  // Another process may be rendering it: it sees this within a few seconds and stops.
  await fsp.writeFile(path.join(dir, CANCEL_REQUEST_FILE), "").catch(() => undefined);
  const claim = await currentClaim(dir);
  if (isFree(claim)) {
    await writeState(dir, { status: "canceled", progress: state.progress, etaSeconds: null, message: "The render was canceled.", errorCode: null });
    if (claim) await releaseClaim(dir, claim.attempt);
  }
}

/** Finds the render made for this job, by the job id written into its params (a crash before its id was stored). */
async function findSubmitted(job: ProviderJob): Promise<Submitted | null> {
  for (const id of await fsp.readdir(rendersRoot()).catch(() => [] as string[])) {
    if (!isRenderId(id)) continue;
    const dir = renderDir(id);
    if ((await readParams(dir))?.jobId !== job.id) continue;
    const state = await readState(dir);
    const update: ProviderUpdate = state ? toProviderUpdate(state, state) : { status: "queued", progress: 0, raw: null };
    return { providerJobId: id, providerData: null, update };
  }
  return null;
}

const GONE = "The local render's video is gone (cleaned up or never finished). Try again.";

/** The render's file as a Response, through the kit's one output mapping (a missing file is a 404: output_expired). */
async function fetchOutput(ref: ProviderJobRef, _update: ProviderUpdate, signal: AbortSignal): Promise<Response> {
  const file = isRenderId(ref.providerJobId) ? path.join(renderDir(ref.providerJobId), OUTPUT_FILE) : null;
  const stat = file ? await fsp.stat(file).catch(() => null) : null;
  if (!file || !stat?.isFile()) return checkOutputResponse(new Response(null, { status: 404 }), "The local renderer", GONE);
  const stream = fs.createReadStream(file);
  const onAbort = () => stream.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });
  stream.once("close", () => signal.removeEventListener("abort", onAbort));
  const res = new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: { "content-type": "video/mp4", "content-length": String(stat.size) },
  });
  return checkOutputResponse(res, "The local renderer", GONE);
}

async function release(ref: ProviderJobRef): Promise<void> {
  if (!isRenderId(ref.providerJobId)) return;
  // Stopped without a word: the job is finished or deleted, nobody needs to hear about this render again.
  await stopRender(ref.providerJobId, "lost");
  await fsp.rm(renderDir(ref.providerJobId), { recursive: true, force: true });
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
};
