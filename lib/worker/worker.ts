import "server-only";
import os from "node:os";
import { pruneHeartbeats, writeHeartbeat } from "../db/queries/heartbeats";
import { activeLeaseOwners, claimDueJobs, dropLeasesOf, renewLease } from "../db/queries/job-leases";
import type { Db } from "../db/client";
import type { Job } from "../db/schema";
import { env } from "../env";
import { jobEvents } from "../jobs/events";
import { logger } from "../log/logger";
import { recordWorkerTickFailure } from "../metrics/instruments";
import { refreshProviderSettings } from "../provider-settings/cache";
import { dispatchWebhooks } from "../webhooks/outgoing/dispatcher";
import { fullProviders } from "../jobs/provider-slots";
import { ensureModelKnown } from "../providers/catalog-refresh";
import { PROVIDERS } from "../providers/registry";
import { formatIdentity, isCertainlyGone, parseIdentity, thisProcess } from "../runtime/process-identity";
import { cleanup } from "./cleanup";
import type { WorkerContext } from "./context";
import { expireJob, pollJob } from "./poll-job";
import { saveOutput } from "./save-output";
import { submitJob } from "./submit-job";

const MAX_IN_FLIGHT = 4;
/**
 * Changes that never make work due at once (progress, a provider's acceptance): no wake for them,
 * which matters on Postgres, where every process hears every other process's changes.
 */
const NO_WAKE = new Set(["submitted", "running"]);
const CLEANUP_EVERY_MS = 10 * 60 * 1000;
/** On a graceful stop, work a provider runs in this process (a local render) may finish within this, else it is handed back. */
const PROVIDER_STOP_GRACE_MS = 5_000;
/** Beats at most this often however fast the loop ticks; /api/health calls a worker silent for a minute stale. */
const HEARTBEAT_EVERY_MS = 1000;
const HEARTBEATS_KEPT_MS = 24 * 60 * 60 * 1000;
const log = logger("worker");

/**
 * The background loop: claims due jobs with a lease and moves each one step
 * (submit, poll, save, expire). Everything it needs is in the database, so a
 * restarted worker simply carries on.
 */
export class Worker {
  readonly ctx: WorkerContext;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();
  private working = new Set<string>();
  private ticking = false;
  private again = false;
  private lastCleanup = 0;
  private reclaimed = false;
  private lastBeat = 0;
  /** The outgoing-webhook round under way, if any: one at a time, beside the job steps. */
  private dispatching: Promise<void> | null = null;
  private readonly startedAt = Date.now();
  private readonly onCreated = () => void this.wake();
  private readonly onChanged = (_jobId: string, status: string) => {
    if (!NO_WAKE.has(status)) void this.wake();
  };

  constructor(db: Db) {
    const e = env();
    this.ctx = {
      db,
      // Says which process holds a lease, so a later process can tell when that one is gone (reclaimStaleLeases).
      owner: formatIdentity(thisProcess()),
      leaseMs: e.WORKER_LEASE_MS,
      cadence: { pollMinMs: e.POLL_MIN_MS, pollMaxMs: e.POLL_MAX_MS },
      now: () => Date.now(),
    };
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.wake(), env().WORKER_TICK_MS);
    this.timer.unref();
    jobEvents().on("created", this.onCreated);
    jobEvents().on("changed", this.onChanged);
    void this.wake();
  }

  /**
   * A graceful stop: claims nothing more, finishes the steps under way (each releases its lease), then
   * lets providers finish or hand back the work they run in this process (local renders), so the next
   * process takes it over at once.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    jobEvents().off("created", this.onCreated);
    jobEvents().off("changed", this.onChanged);
    for (const p of PROVIDERS) p.beginStop?.();
    await Promise.allSettled([...this.inFlight, this.dispatching]);
    await Promise.allSettled(PROVIDERS.map((p) => p.stop?.(PROVIDER_STOP_GRACE_MS)));
  }

  /**
   * Runs a tick now, answering when it is done; during a tick, asks for one more after it and
   * answers at once. A tick that fails (the database away or locked for a moment) is logged, counted
   * (`dailies_worker_tick_failures_total`) and the loop goes on:
   * the next tick simply tries again. It must never become an unhandled rejection, which ends a
   * standalone `npm run worker`.
   */
  wake(): Promise<void> {
    if (this.ticking) {
      this.again = true;
      return Promise.resolve();
    }
    this.ticking = true;
    return this.tick()
      .catch((err: unknown) => {
        recordWorkerTickFailure();
        log.warn("worker tick failed; the next one tries again", { err });
      })
      .finally(() => {
        this.ticking = false;
        if (this.again && this.timer) {
          this.again = false;
          setImmediate(() => void this.wake());
        }
      });
  }

  /** Records that this worker is alive (one upsert); the first one is awaited by startWorker. */
  async heartbeat(): Promise<void> {
    const now = this.ctx.now();
    this.lastBeat = now;
    await writeHeartbeat(this.ctx.db, { workerId: this.ctx.owner, pid: process.pid, host: os.hostname(), startedAt: this.startedAt, beatAt: now }).catch((err: unknown) =>
      log.warn("heartbeat failed", { err }),
    );
  }

  private async tick(): Promise<void> {
    if (!this.reclaimed) {
      this.reclaimed = true;
      await this.reclaimStaleLeases().catch((err: unknown) => log.warn("could not check for stale leases", { err }));
    }
    if (this.ctx.now() - this.lastBeat >= HEARTBEAT_EVERY_MS) await this.heartbeat();
    const free = MAX_IN_FLIGHT - this.inFlight.size;
    if (free > 0) {
      const full = await fullProviders(this.ctx.db);
      const claimed = await claimDueJobs(this.ctx.db, this.ctx.owner, this.ctx.leaseMs, free, this.ctx.now(), full);
      // A step that outlived its lease (a slow provider) is still this worker's: never run a job twice at once.
      for (const job of claimed) if (!this.working.has(job.id)) this.track(job.id, this.step(job));
    }
    if (!this.dispatching && this.timer) {
      this.dispatching = dispatchWebhooks(this.ctx.db, this.ctx.owner)
        .catch((err: unknown) => log.error("outgoing webhooks round crashed", { err }))
        .finally(() => (this.dispatching = null));
    }
    if (this.ctx.now() - this.lastCleanup > CLEANUP_EVERY_MS) {
      this.lastCleanup = this.ctx.now();
      await cleanup(this.ctx.db).catch((err: unknown) => log.warn("cleanup failed", { err }));
      await pruneHeartbeats(this.ctx.db, this.ctx.now() - HEARTBEATS_KEPT_MS).catch((err: unknown) => log.warn("pruning heartbeats failed", { err }));
    }
  }

  /**
   * At start: leases held by a process that has certainly exited (this studio's server or worker
   * before a crash or restart on this machine) are dropped, so its jobs resume now instead of after
   * a full lease. A lease of a process that may be alive (another machine) is left to run out.
   */
  private async reclaimStaleLeases(): Promise<void> {
    const me = thisProcess();
    for (const owner of await activeLeaseOwners(this.ctx.db, this.ctx.now())) {
      const other = parseIdentity(owner);
      if (!other || other.instance !== me.instance || owner === this.ctx.owner || !isCertainlyGone(other, me)) continue;
      const n = await dropLeasesOf(this.ctx.db, owner);
      if (n > 0) console.log(`[worker] resumed ${n} job(s) held by an earlier process (pid ${other.pid}) without waiting for its lease`);
    }
  }

  private track(jobId: string, p: Promise<void>): void {
    this.inFlight.add(p);
    this.working.add(jobId);
    void p.finally(() => {
      this.inFlight.delete(p);
      this.working.delete(jobId);
      if (this.timer) void this.wake();
    });
  }

  private async step(job: Job): Promise<void> {
    // The lease is held from the claim until the step commits, whatever the step waits on (a provider
    // call, a long copy, a slow database), so a busy worker never looks like a crashed one.
    const { db, owner, leaseMs } = this.ctx;
    const renew = setInterval(() => void renewLease(db, job.id, owner, leaseMs).catch(() => undefined), Math.max(500, leaseMs / 3));
    try {
      // One small read: a key saved in Settings → Providers (by any process) before this step began is the one it uses.
      await refreshProviderSettings(this.ctx.db).catch((err: unknown) => log.warn("could not check provider settings", { err }));
      // A model another instance discovered after this one last read the stored lists.
      await ensureModelKnown(this.ctx.db, job.model);
      if (job.status !== "saving" && job.deadlineAt <= this.ctx.now()) return await expireJob(this.ctx, job);
      if (job.status === "queued") return await submitJob(this.ctx, job);
      if (job.status === "saving") return await saveOutput(this.ctx, job);
      return await pollJob(this.ctx, job);
    } catch (err) {
      // a bug, not a provider answer: log it and let the lease expire so the job is tried again
      log.error("step crashed", { jobId: job.id, status: job.status, err });
    } finally {
      clearInterval(renew);
    }
  }
}
