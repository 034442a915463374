/** `npm run worker`: the background loop as its own process, next to a web server started with WORKER=off. */
import { db } from "../db/client";
import { env } from "../env";
import { startJobBus, stopJobBus } from "../jobs/live/bus";
import { logger } from "../log/logger";
import { startProviderSettings } from "../provider-settings/cache";
import { startCatalogRefresh } from "../providers/catalog-refresh";
import { declareProcessKind } from "../runtime/process-identity";
import { startWorker, stopWorker } from "./index";

const e = env();
declareProcessKind("worker");
const log = logger("worker");
// Keys saved in Settings → Providers first, so the first submit already uses them; then the bus:
// on Postgres it is how this worker hears "a job was created" from the web servers. The models
// providers list themselves are not awaited: a job naming a model not read yet makes the worker read them again.
db()
  .then((d) => startProviderSettings(d))
  .then(() => startJobBus())
  .then(() => {
    void startCatalogRefresh();
    return startWorker();
  })
  .then(
    () => log.info("running", { dataDir: e.DATA_DIR, pid: process.pid }),
    (err: unknown) => {
      log.error("could not start", { err });
      process.exit(1);
    },
  );

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info("finishing current steps, handing back local renders", { signal });
    void stopWorker()
      .then(() => stopJobBus())
      .then(() => process.exit(0));
  });
}
// keep the process alive: the worker's own timer is unref'd so the web server can exit
setInterval(() => undefined, 1 << 30);
