import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { env } from "../../env";
import { ERROR_CODES, type ProviderUpdate } from "../types";

/**
 * A local render's files: DATA_DIR/renders/<id>/{params.json, input.<ext>, state.json, claims/, out.mp4}.
 * state.json is the render's own record, so a poll from any process (or after a restart)
 * can tell where it stands; params.json and claims/ let another process start it again.
 */
export const OUTPUT_FILE = "out.mp4";
export const STATE_FILE = "state.json";

export const RENDER_STATUSES = ["queued", "running", "succeeded", "failed", "canceled"] as const;
export type RenderStatus = (typeof RENDER_STATUSES)[number];

export const renderStateSchema = z.object({
  status: z.enum(RENDER_STATUSES),
  progress: z.number().min(0).max(1),
  etaSeconds: z.number().nonnegative().nullable(),
  message: z.string().nullable(),
  errorCode: z.enum(ERROR_CODES).nullish(),
  /** Epoch ms of the last write: a stale running state with no owner means the renderer died. */
  updatedAt: z.number(),
});
export type RenderState = z.infer<typeof renderStateSchema>;
export type RenderStateInput = Omit<RenderState, "updatedAt">;

const ID = /^lr_[A-Za-z0-9_-]{22}$/;

export function newRenderId(): string {
  return `lr_${randomBytes(16).toString("base64url")}`;
}

export function isRenderId(id: string): boolean {
  return ID.test(id);
}

/** DATA_DIR/renders: one folder per render. */
export function rendersRoot(): string {
  return path.join(/*turbopackIgnore: true*/ env().DATA_DIR, "renders");
}

/** The render's folder; the id is checked first so it can never walk out of DATA_DIR. */
export function renderDir(id: string): string {
  if (!isRenderId(id)) throw new Error(`Not a local render id: ${JSON.stringify(id.slice(0, 40))}`);
  return path.join(rendersRoot(), id);
}

export function isTerminal(status: RenderStatus): boolean {
  return status === "succeeded" || status === "failed" || status === "canceled";
}

/** null when the file is missing or unreadable. */
export async function readState(dir: string): Promise<RenderState | null> {
  try {
    return renderStateSchema.parse(JSON.parse(await fsp.readFile(path.join(dir, STATE_FILE), "utf8")));
  } catch {
    return null;
  }
}

/** Temp file + rename: a reader sees the old state or the new one, never half of one. */
export async function writeState(dir: string, state: RenderStateInput): Promise<RenderState> {
  const full: RenderState = { ...state, updatedAt: Date.now() };
  const tmp = path.join(dir, `${STATE_FILE}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fsp.writeFile(tmp, JSON.stringify(full));
    await fsp.rename(tmp, path.join(dir, STATE_FILE));
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  return full;
}

const MIN_WRITE_GAP_MS = 250;

/**
 * Writes progress at most ~4 times a second, in order; `force` writes at once (status
 * changes), dropping any progress still waiting so it cannot land after the final state.
 */
export function throttledStateWriter(dir: string) {
  let chain: Promise<void> = Promise.resolve();
  let pending: RenderStateInput | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastAt = 0;

  const writeNow = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const state = pending;
    pending = null;
    if (state) {
      lastAt = Date.now();
      chain = chain
        .then(() => writeState(dir, state))
        .then(
          () => undefined,
          // A render released mid-way has no folder left to write to; that is not an error.
          (err: unknown) => console.debug(`[local] could not write render state in ${dir}`, err),
        );
    }
    return chain;
  };

  return {
    /** Drops a pending throttled write and waits for the ones under way. */
    flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
      return chain;
    },
    set(state: RenderStateInput, force = false): Promise<void> {
      pending = state;
      const since = Date.now() - lastAt;
      if (force || since >= MIN_WRITE_GAP_MS) return writeNow();
      timer ??= setTimeout(writeNow, MIN_WRITE_GAP_MS - since);
      return chain;
    },
  };
}

/** The normalized news for the worker, from state.json or a webhook body. */
export function toProviderUpdate(state: RenderStateInput, raw: unknown): ProviderUpdate {
  const update: ProviderUpdate = { status: state.status, progress: state.progress, raw };
  if (state.etaSeconds !== null) update.etaSeconds = state.etaSeconds;
  if (state.message) update.message = state.message;
  if (state.status === "failed") update.errorCode = state.errorCode ?? "internal";
  return update;
}
