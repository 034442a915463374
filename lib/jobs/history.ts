/** A job's recorded status changes as the API and the job page show them. Pure: safe in client components. */
import type { JobHistoryRow, JobStatus, TransitionSource } from "../db/schema";

export interface JobHistoryEntry {
  /** Null for the job's creation. */
  from: JobStatus | null;
  to: JobStatus;
  /** ISO time of the change. */
  at: string;
  source: TransitionSource;
}

export function serializeHistory(rows: readonly JobHistoryRow[]): JobHistoryEntry[] {
  return rows.map((r) => ({ from: r.fromStatus, to: r.toStatus, at: new Date(r.at).toISOString(), source: r.source }));
}

const SOURCE_WORDS: Record<TransitionSource, string> = {
  webhook: "the provider's webhook",
  poll: "a status check",
  worker: "Dailies",
  user: "you",
};

/** "by the provider's webhook", "by you": who brought the change, for the timeline. */
export function sourceWords(source: TransitionSource): string {
  return SOURCE_WORDS[source];
}
