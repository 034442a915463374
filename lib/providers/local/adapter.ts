/**
 * The local provider: real MP4s rendered with ffmpeg on this machine, no AI. It behaves like
 * a remote provider so the rest of Dailies has one path: submit returns at once, the render
 * runs in an ffmpeg child process, progress and completion arrive as signed webhooks, and
 * poll reads the render's state.json.
 */
import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { frameSize } from "../../media/frame-size";
import { promptSeed } from "../../media/seeded-random";
import { checkOutputResponse } from "../kit/download";
import { ProviderError } from "../kit/errors";
import { IMAGE_EXTENSIONS } from "../kit/image";
import type { ProviderJob, ProviderJobRef, ProviderUpdate, SubmitContext, Submitted, VideoProvider } from "../types";
import { localConfig } from "./config";
import { localModels } from "./models";
import { enqueueRender, ownsRender, stopRender } from "./render-queue";
import {
  OUTPUT_FILE,
  isRenderId,
  isTerminal,
  newRenderId,
  readState,
  renderDir,
  toProviderUpdate,
  writeState,
  type RenderStateInput,
} from "./render-state";
import { reportCanceledBeforeStart, runRender, type RenderParams } from "./run-render";
import { defaultLocalWebhookUrl, verifyLocalWebhook } from "./webhook";

export { localWebhookSecret } from "./webhook";

/** A render nobody in this process owns and that has not moved for this long has died with its process. */
const ORPHAN_AFTER_MS = 15_000;

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
    imageFile = path.join(dir, `input.${IMAGE_EXTENSIONS[ctx.image.mime]}`);
    await fsp.writeFile(imageFile, ctx.image.bytes);
  }
  const queued: RenderStateInput = { status: "queued", progress: 0, etaSeconds: null, message: "Waiting for a free render slot.", errorCode: null };
  const state = await writeState(dir, queued);

  const params: RenderParams = {
    id,
    dir,
    webhookUrl: ctx.webhookUrl ?? defaultLocalWebhookUrl(),
    prompt: job.prompt,
    imageFile,
    durationSeconds: job.durationSeconds,
    fps: job.fps,
    width: size.width,
    height: size.height,
    seed: job.seed ?? promptSeed(job.prompt),
  };
  enqueueRender(id, { run: (signal) => runRender(params, signal), drop: () => reportCanceledBeforeStart(params) });
  return { providerJobId: id, providerData: null, update: toProviderUpdate(state, state) };
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
  if (!isTerminal(state.status) && !ownsRender(id) && Date.now() - state.updatedAt > ORPHAN_AFTER_MS) {
    const message = "The local render was interrupted (Dailies restarted or the render process stopped). Try again.";
    const dead = await writeState(dir, { status: "failed", progress: state.progress, etaSeconds: null, message, errorCode: "internal" }).catch(() => null);
    return failed(message, dead ?? state);
  }
  return toProviderUpdate(state, state);
}

async function cancel(ref: ProviderJobRef): Promise<void> {
  const id = ref.providerJobId;
  if (!isRenderId(id)) return;
  if (await stopRender(id)) return;
  // Not ours (the process that owned it is gone): make its record say so.
  const dir = renderDir(id);
  const state = await readState(dir);
  if (state && !isTerminal(state.status)) {
    await writeState(dir, { status: "canceled", progress: state.progress, etaSeconds: null, message: "The render was canceled.", errorCode: null });
  }
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
  await stopRender(ref.providerJobId);
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
  poll,
  cancel,
  verifyWebhook: async ({ rawBody, headers }) => verifyLocalWebhook(rawBody, headers),
  fetchOutput,
  release,
};
