/** Postgres column helpers the table files share, so each type choice is made once. */
import { bigint, timestamp } from "drizzle-orm/pg-core";

/** Epoch milliseconds in a bigint column, read as a JS number (SQLite's `integer`). */
export const ms = (name: string) => bigint(name, { mode: "number" });

/** better-auth's own timestamps, which it reads and writes as Dates. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
