/** Running the instance: its settings and the workers' heartbeats. Twin: ../pg/ops.ts (see ../index.ts before changing either). */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Instance-wide settings as key/value rows: the owner's user id and whether sign-up is open. */
export const instanceSettings = sqliteTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/** One row per worker process, rewritten as it ticks: /api/health reads the newest beat. */
export const workerHeartbeats = sqliteTable(
  "worker_heartbeats",
  {
    workerId: text("worker_id").primaryKey(),
    pid: integer("pid").notNull(),
    host: text("host").notNull(),
    startedAt: integer("started_at").notNull(),
    beatAt: integer("beat_at").notNull(),
  },
  (t) => [index("worker_heartbeats_beat_idx").on(t.beatAt)],
);
