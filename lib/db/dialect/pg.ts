import { sql } from "drizzle-orm";
import { searchWords, type Dialect } from "./types";

/**
 * Turns what a person typed into a tsquery: every word a quoted prefix term, all required, so it
 * means what ftsQuery means on SQLite. The words hold only letters, digits and "_", so nothing in
 * them is tsquery syntax; dailies_unaccent (drizzle/pg, jobs_search) then folds accents as the index does.
 */
export function tsQuery(text: string): string | null {
  const words = searchWords(text).flatMap((w) => w.split("_")).filter(Boolean);
  return words.length ? words.map((w) => `'${w}':*`).join(" & ") : null;
}

/** The first number of every lockKey lock: "Dailies". */
const LOCK_SPACE = 4_461_696;

export const pgDialect: Dialect = {
  name: "pg",
  greatest: (a, b) => sql`GREATEST(${a}, ${b})`,
  distinct: (a, b) => sql`${a} IS DISTINCT FROM ${b}`,
  promptMatches(jobs, text) {
    const query = tsQuery(text);
    // The same expression as the GIN index jobs_prompt_search_idx, so the index answers it.
    return query ? sql`dailies_search_vector(${jobs.prompt}) @@ to_tsquery('simple', dailies_unaccent(${query}))` : null;
  },
  skipLocked: (select) => select.for("update", { skipLocked: true }) as typeof select,
  oneWriterAtATime: false,
  async lockKey(tx, key) {
    // The two-number form keeps these keys apart from the one-number migration lock.
    await tx.orm.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${key}))`);
  },
};
