import type { SQL, SQLWrapper } from "drizzle-orm";
import type { Db, Tables } from "../client";

/**
 * Everything the two engines say differently, and nothing else: queries in lib/db/queries are
 * written once and ask their Db's dialect for these pieces.
 */
export interface Dialect {
  readonly name: "sqlite" | "pg";
  /** The greater of two values (SQLite's two-argument MAX, Postgres's GREATEST). */
  greatest(a: SQLWrapper, b: unknown): SQL;
  /** `a` differs from `b`, where NULL equals NULL (SQLite's IS NOT, Postgres's IS DISTINCT FROM). */
  distinct(a: SQLWrapper, b: unknown): SQL;
  /**
   * A condition on jobs: the prompt holds every word of `text` as a word prefix, ignoring case
   * and accents (FTS5 on SQLite, tsvector + GIN on Postgres). Null when `text` has no word at all.
   */
  promptMatches(jobs: Tables["jobs"], text: string): SQL | null;
  /** A claim's inner SELECT, made to skip rows another worker is claiming right now (Postgres); SQLite's single writer needs nothing. */
  skipLocked<Q extends ClaimableSelect>(select: Q): Q;
  /**
   * True when the engine runs one write at a time (SQLite), so a single UPDATE that checks a count
   * and writes cannot race another. Otherwise (Postgres) such a write takes lockKey first.
   */
  readonly oneWriterAtATime: boolean;
  /** Holds a lock on `key` until the surrounding transaction ends (Postgres advisory lock); call inside transaction(). */
  lockKey(tx: Db, key: string): Promise<void>;
}

/** The part of a drizzle Postgres select builder a claim needs. */
export interface ClaimableSelect {
  for(strength: "update", config: { skipLocked: true }): unknown;
}

/** The words of what a person typed, at most twelve: letters and digits of any script, nothing that could be search syntax. */
export function searchWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu)?.slice(0, 12) ?? [];
}
