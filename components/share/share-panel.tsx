"use client";

/** Placeholder until the share panel lands from its own branch; the job page already renders it here. */
export function SharePanel(_props: { jobId: string; canShare: boolean }) {
  return null;
}
