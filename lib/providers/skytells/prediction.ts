/** A Skytells prediction object (create, poll, cancel and webhook answers) → our ProviderUpdate. */
import { at, firstHttpUrl, isRecord, num, str, type JsonRecord } from "../kit/json";
import { mapStatus, progressOf, type StatusTable } from "../kit/status";
import type { ProviderStatus, ProviderUpdate } from "../types";
import { failureOf, SERVICE } from "./errors";

/** [C] Skytells' pages use different status sets; every spelling seen is here. */
export const STATUS_TABLE: StatusTable = {
  queued: "queued",
  pending: "queued",
  starting: "queued",
  started: "running",
  processing: "running",
  succeeded: "succeeded",
  failed: "failed",
  canceled: "canceled",
  cancelled: "canceled",
};

/** A prediction needs an id; everything else is read defensively. */
export function isPrediction(value: unknown): value is JsonRecord & { id: string } {
  return isRecord(value) && typeof value.id === "string" && value.id.length > 0;
}

/**
 * The status of a prediction. The create quirk "HTTP 200 + `status: false` + id" (an error
 * message while the job is in fact queued) reads as queued.
 */
export function statusOf(p: JsonRecord): ProviderStatus {
  if (p.status === false || p.status === undefined || p.status === null) return "queued";
  return mapStatus(SERVICE, p.status, STATUS_TABLE);
}

export function toUpdate(p: JsonRecord, status: ProviderStatus = statusOf(p)): ProviderUpdate {
  const update: ProviderUpdate = { status, raw: p };
  const progress = progressOf(at(p, "metrics", "progress"));
  if (status === "running" && progress !== undefined) update.progress = progress;
  const credits = num(at(p, "metadata", "billing", "credits_used"));
  if (credits !== null) update.cost = { credits };
  if (status === "succeeded") {
    // The video is in `output` (a URL or a list of them) and again in the storage listing.
    const url = firstHttpUrl(p.output, at(p, "metadata", "storage", "files"));
    if (url) update.outputUrl = url;
  } else if (status === "failed") {
    Object.assign(update, failureOf(p));
  } else if (status === "canceled") {
    // Our own cancel has already ended the job on our side, so this only lands when someone else canceled.
    update.errorCode = "canceled_by_provider";
    update.message = "Skytells canceled this job before it finished. Try again.";
  }
  return update;
}

/** Skytells says the files are gone (`metadata.data_available: false`). */
export function outputGone(raw: unknown): boolean {
  return at(raw, "metadata", "data_available") === false;
}

/** A terminal state read from a webhook event name, for payloads without a status of their own. */
const EVENT_STATUS: StatusTable = {
  completed: "succeeded",
  succeeded: "succeeded",
  failed: "failed",
  canceled: "canceled",
  cancelled: "canceled",
  started: "running",
  start: "running",
  processing: "running",
  output: "running",
  logs: "running",
};

/** `completed`, `prediction.succeeded`, `prediction.cancelled`, `start`...: every spelling in the docs. */
export function statusOfEvent(type: unknown): ProviderStatus | null {
  const name = str(type)?.toLowerCase().replace(/^prediction\./, "");
  return name ? (EVENT_STATUS[name] ?? null) : null;
}
