/** Links that start a new take from an old one: "Use prompt", "Use seed", "Use all settings" (a remix). */
export type TakeUse = "prompt" | "seed" | "all";

export function takeHref(jobId: string, use: TakeUse = "all"): string {
  const base = `/?remix=${encodeURIComponent(jobId)}`;
  return use === "all" ? base : `${base}&use=${use}`;
}
