/** `npm run worker`: the background loop as its own process, next to a web server started with WORKER=off. */
import { db } from "../db/client";
import { env } from "../env";
import { startProviderSettings } from "../provider-settings/cache";
import { declareProcessKind } from "../runtime/process-identity";
import { startWorker, stopWorker } from "./index";

const e = env();
declareProcessKind("worker");
// Keys saved in Settings → Providers first, so the first submit already uses them.
db()
  .then((d) => startProviderSettings(d))
  .then(() => startWorker())
  .then(
    () => console.log(`[worker] running on ${e.DATA_DIR} (pid ${process.pid})`),
    (err: unknown) => {
      console.error("[worker] could not start", err);
      process.exit(1);
    },
  );

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`[worker] ${signal}: finishing current steps, handing back local renders`);
    void stopWorker().then(() => process.exit(0));
  });
}
// keep the process alive: the worker's own timer is unref'd so the web server can exit
setInterval(() => undefined, 1 << 30);
