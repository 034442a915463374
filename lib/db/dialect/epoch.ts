/** "Now, in epoch milliseconds" as a column default, per dialect (times are epoch ms everywhere). */
import { sql } from "drizzle-orm";

export const sqliteEpochMs = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;
/** Whole seconds: the default webhook_events has had since its first migration. */
export const sqliteEpochSecondsMs = sql`(unixepoch() * 1000)`;
export const pgEpochMs = sql`((extract(epoch from now()) * 1000)::bigint)`;
