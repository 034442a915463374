import { sql } from "drizzle-orm";
import { searchWords, type Dialect } from "./types";

/** Turns what a person typed into an FTS5 query: each word quoted (no operators) and prefix-matched. */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  return words.length ? words.map((w) => `"${w}"*`).join(" ") : null;
}

export const sqliteDialect: Dialect = {
  name: "sqlite",
  greatest: (a, b) => sql`MAX(${a}, ${b})`,
  distinct: (a, b) => sql`${a} IS NOT ${b}`,
  promptMatches(jobs, text) {
    const match = ftsQuery(text);
    // jobs_fts: drizzle/sqlite/0002_jobs_fts.sql
    return match ? sql`${jobs.id} IN (SELECT job_id FROM jobs_fts WHERE jobs_fts MATCH ${match})` : null;
  },
  skipLocked: (select) => select,
  oneWriterAtATime: true,
  lockKey: async () => undefined,
};
