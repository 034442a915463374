/**
 * The local provider: real MP4s rendered with ffmpeg on this machine, no AI. It behaves like
 * a remote provider so the rest of Dailies has one path: submit returns at once, the render
 * runs in an ffmpeg child process, progress and completion arrive as signed webhooks, and
 * poll reads the render's record in the database, so any worker can poll, save or cancel it.
 */
import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { db } from "../../db/client";
import { deleteLocalRender } from "../../db/queries/local-renders";
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
import { keepRendersAlive } from "./render-heartbeat";
import { enqueueRender, ownsRender, stopRender } from "./render-queue";
import { createState, isRenderId, isTerminal, newRenderId, readState, renderDir, toProviderUpdate, writeState, type RenderStateInput } from "./render-state";
import { reportCanceledBeforeStart, runRender, type RenderParams } from "./run-render";
import { defaultLocalWebhookUrl, verifyLocalWebhook } from "./webhook";

export { localWebhookSecret } from "./webhook";

/**
 * A render nobody in this process owns and whose record has not moved for this long has died with
 * its process: its renderer touches the record every HEARTBEAT_MS while it holds it.
 */
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
  const state = await createState(id, queued);

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
  keepRendersAlive();
  return { providerJobId: id, providerData: null, update: toProviderUpdate(state, state) };
}

function failed(message: string, raw: unknown = null): ProviderUpdate {
  return { status: "failed", errorCode: "internal", message, raw };
}

async function poll(ref: ProviderJobRef): Promise<ProviderUpdate> {
  const id = ref.providerJobId;
  if (!isRenderId(id)) return failed("This job does not refer to a local render.");
  const state = await readState(id);
  if (!state) return failed("The local render's record is gone (released or never written). Try again.");
  if (!isTerminal(state.status) && !ownsRender(id) && Date.now() - state.updatedAt > ORPHAN_AFTER_MS) {
    const message = "The local render was interrupted (Dailies restarted or the render process stopped). Try again.";
    const dead: RenderStateInput = { status: "failed", progress: state.progress, etaSeconds: null, message, errorCode: "internal" };
    // It ended in the meantime: what it ended with wins.
    if (!(await writeState(id, dead))) return toProviderUpdate((await readState(id)) ?? dead, state);
    return failed(message, { ...dead, updatedAt: Date.now() });
  }
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
  const id = ref.providerJobId;
  if (!isRenderId(id)) return;
  await stopRender(id);
  await fsp.rm(renderDir(id), { recursive: true, force: true });
  await storage().delete(keys.render(id));
  await deleteLocalRender(await db(), id);
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
