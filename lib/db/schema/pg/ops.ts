/** Running the instance: its settings and the workers' heartbeats. Twin: ../sqlite/ops.ts (see ../index.ts before changing either). */
import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { ms } from "./columns";

/** Instance-wide settings as key/value rows: the owner's user id and whether sign-up is open. */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const workerHeartbeats = pgTable(
  "worker_heartbeats",
  {
    workerId: text("worker_id").primaryKey(),
    pid: integer("pid").notNull(),
    host: text("host").notNull(),
    startedAt: ms("started_at").notNull(),
    beatAt: ms("beat_at").notNull(),
  },
  (t) => [index("worker_heartbeats_beat_idx").on(t.beatAt)],
);
