export const JOB_STATUSES = ["queued", "submitted", "running", "saving", "succeeded", "failed", "canceled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Who brought a status change: a provider's webhook, the worker's poll of the provider, the worker's own step, or the person. */
export const TRANSITION_SOURCES = ["webhook", "poll", "worker", "user"] as const;
export type TransitionSource = (typeof TRANSITION_SOURCES)[number];
