export const JOB_STATUSES = ["queued", "submitted", "running", "saving", "succeeded", "failed", "canceled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
