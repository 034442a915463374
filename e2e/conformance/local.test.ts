/**
 * The local preview passes the conformance suite: ffmpeg is its "fake", so there are no
 * scenario markers, counts or webhook variants (its signatures are tested in
 * lib/providers/local/adapter.test.ts). Its renders run inside the worker and are started again
 * by the next one after a crash; the suite's crash case counts accepted submissions at a fake, which
 * a finished render leaves no trace of, so that case is off here and e2e/local-restart.test.ts
 * (SIGKILL and SIGTERM of the real server) and lib/providers/local/recovery.test.ts cover it.
 */
import { describeProvider } from "./describe-provider";

describeProvider({
  provider: "local",
  textModel: "local:preview",
  imageModel: "local:preview",
  capabilities: { webhooks: true, timestampedSignatures: true, cancelAtProvider: true, progress: true, scenarios: false, resumesAfterWorkerCrash: false },
  // Short renders for the common cases; the slow one is long enough to cancel mid-way.
  jobFields: { durationSeconds: 2, resolution: "480p" },
  slowJob: { durationSeconds: 10, resolution: "1080p" },
  // The cases run at once: let their renders too, rather than queue behind one another.
  startFake: () => Promise.resolve({ env: { LOCAL_RENDER_CONCURRENCY: "3" }, close: () => Promise.resolve() }),
});
