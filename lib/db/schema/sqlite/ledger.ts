/** The cost ledger. Twin: ../pg/ledger.ts (see ../index.ts before changing either). */
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { LEDGER_KINDS } from "../statuses";

/**
 * The cost ledger: signed USD amounts per job and attempt, so spend over any period is one SUM.
 * `estimate` (+) when an attempt is reserved, `void` (−) when it ended before the provider began,
 * `settle` (−) and `actual` (+) when the job succeeded. No foreign key: spend outlives a deleted job.
 */
export const ledger = sqliteTable(
  "ledger",
  {
    jobId: text("job_id").notNull(),
    attempt: integer("attempt").notNull(),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    userId: text("user_id"),
    usd: real("usd").notNull(),
    model: text("model").notNull(),
    provider: text("provider").notNull(),
    family: text("family").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.attempt, t.kind] }), index("ledger_created_idx").on(t.createdAt), index("ledger_user_created_idx").on(t.userId, t.createdAt)],
);
