import "server-only";
import { db } from "../../db/client";
import { getLocalRender, touchLocalRenders } from "../../db/queries/local-renders";
import { me } from "./render-claim";
import { ownedRenders, stopRender } from "./render-queue";

/**
 * While this process holds renders (waiting or running), it touches their records every few
 * seconds: a record that stops moving tells any other worker that its renderer died. The same
 * write learns which of them were canceled from elsewhere (another worker, another machine), or
 * taken over by another worker that thought this one gone, and those are stopped here, where
 * their ffmpeg runs (a taken-over one without a word: its new owner reports it now).
 */
export const HEARTBEAT_MS = 4_000;

const KEY = Symbol.for("dailies.local-render-heartbeat");
type Holder = { [KEY]?: NodeJS.Timeout };

export function keepRendersAlive(): void {
  const g = globalThis as Holder;
  if (g[KEY]) return;
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  timer.unref();
  g[KEY] = timer;
}

async function beat(): Promise<void> {
  const ids = ownedRenders();
  if (!ids.length) {
    const g = globalThis as Holder;
    clearInterval(g[KEY]);
    g[KEY] = undefined;
    return;
  }
  try {
    const d = await db();
    const alive = await touchLocalRenders(d, ids, Date.now(), me());
    // Only ids still held now: one that finished during the write is not "canceled elsewhere".
    const owned = new Set(ownedRenders());
    await Promise.all(
      ids
        .filter((id) => !alive.has(id) && owned.has(id))
        .map(async (id) => {
          const row = await getLocalRender(d, id);
          const ended = !row || row.status === "succeeded" || row.status === "failed" || row.status === "canceled";
          if (!ended) console.warn(`[local] render ${id} is no longer ours (taken over by another worker); stopping it here`);
          await stopRender(id, ended ? "cancel" : "lost");
        }),
    );
  } catch (err) {
    console.warn("[local] could not record that this process is still rendering", err);
  }
}
