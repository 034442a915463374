import "server-only";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { db } from "../../db/client";
import { getLocalRender, insertLocalRender, updateLocalRender, type LocalRenderOrigin, type LocalRenderRow } from "../../db/queries/local-renders";
import { env } from "../../env";
import { ERROR_CODES, type ProviderUpdate } from "../types";

/**
 * A local render: its record is a row in the database (lib/db/queries/local-renders), so a poll
 * from any worker, on any machine, or after a restart, can tell where it stands. Its files are
 * scratch on the rendering machine, DATA_DIR/renders/<id>/{input.<ext>, out.mp4}, until the
 * finished video is put into storage (keys.render), where whichever worker saves the job reads it.
 * The same row holds the render's claim (render-claim.ts) and its params (render-params.ts), so a
 * render whose process died or handed it back is started again by whichever worker polls it next.
 */
export const OUTPUT_FILE = "out.mp4";

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

/** The render's whole record (state, claim, params), or null when there is none (never made, or released). */
export async function readRender(id: string): Promise<{ state: RenderState; row: LocalRenderRow } | null> {
  const row = await getLocalRender(await db(), id);
  if (!row) return null;
  const parsed = renderStateSchema.safeParse(row);
  return parsed.success ? { state: parsed.data, row } : null;
}

/** The render's record, or null when there is none (never made, or released). */
export async function readState(id: string): Promise<RenderState | null> {
  return (await readRender(id))?.state ?? null;
}

export async function createState(id: string, state: RenderStateInput, origin?: LocalRenderOrigin): Promise<RenderState> {
  const full: RenderState = { ...state, updatedAt: Date.now() };
  await insertLocalRender(await db(), id, fieldsOf(state), full.updatedAt, origin);
  return full;
}

/**
 * Records the render's new state unless it has already ended (canceled or declared dead by
 * another process): false then, and the record keeps its final state. With `attempt`, only while
 * that claim is still the current one (a renderer whose render was taken over writes nothing).
 */
export async function writeState(id: string, state: RenderStateInput, attempt?: number): Promise<boolean> {
  return updateLocalRender(await db(), id, fieldsOf(state), Date.now(), attempt);
}

function fieldsOf(state: RenderStateInput) {
  return { status: state.status, progress: state.progress, etaSeconds: state.etaSeconds, message: state.message, errorCode: state.errorCode ?? null };
}

const MIN_WRITE_GAP_MS = 250;

/**
 * Writes progress at most ~4 times a second, in order; `force` writes at once (status
 * changes), dropping any progress still waiting so it cannot land after the final state.
 */
export function throttledStateWriter(id: string, attempt?: number) {
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
        .then(() => writeState(id, state, attempt))
        .then(
          () => undefined,
          // A lost progress write is covered by the next one; the final state is retried by the poll's orphan check.
          (err: unknown) => console.warn(`[local] could not record the state of render ${id}`, err),
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

/** The normalized news for the worker, from the render's record or a webhook body. */
export function toProviderUpdate(state: RenderStateInput, raw: unknown): ProviderUpdate {
  const update: ProviderUpdate = { status: state.status, progress: state.progress, raw };
  if (state.etaSeconds !== null) update.etaSeconds = state.etaSeconds;
  if (state.message) update.message = state.message;
  if (state.status === "failed") update.errorCode = state.errorCode ?? "internal";
  return update;
}
