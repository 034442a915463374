export const JOB_STATUSES = ["queued", "submitted", "running", "saving", "succeeded", "failed", "canceled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Who brought a status change: a provider's webhook, the worker's poll of the provider, the worker's own step, or the person. */
export const TRANSITION_SOURCES = ["webhook", "poll", "worker", "user"] as const;
export type TransitionSource = (typeof TRANSITION_SOURCES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** How one attempt at a provider stands: being sent, at the provider, done, or ended (failed, or moved on to the next route). */
export const ATTEMPT_STATUSES = ["submitting", "submitted", "succeeded", "failed", "moved_on", "canceled"] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** A ledger row's kind: see the ledger table. */
export const LEDGER_KINDS = ["estimate", "void", "settle", "actual"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
