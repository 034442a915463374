/** The toasts' list as data: what one is, and how a new one joins the list (coalescing by group). Pure. */

export type Tone = "info" | "success" | "error";

/** One thing to do from a toast: go somewhere, or run something here. */
export type ToastAction = { label: string; href: string } | { label: string; onClick: () => void };

export interface ToastInput {
  message: string;
  tone?: Tone;
  action?: ToastAction;
  /**
   * Toasts of one group become one: the second "ready" does not stack a second toast but turns
   * the first into the summary for the count ("2 videos ready"), keeping the newest action.
   */
  group?: { key: string; summary: (count: number) => string };
}

export interface Toast {
  id: number;
  message: string;
  tone: Tone;
  action?: ToastAction;
  groupKey?: string;
  count: number;
  remainingMs: number;
}

/** The list with `input` added (as `id`) or merged into its group's toast; returns the id it lives under. */
export function coalesce(list: readonly Toast[], input: ToastInput, id: number, lifetimeMs: number): { list: Toast[]; id: number } {
  const tone = input.tone ?? "info";
  const key = input.group?.key;
  const same = key ? list.find((t) => t.groupKey === key) : undefined;
  if (same && input.group) {
    const count = same.count + 1;
    const merged: Toast = { ...same, message: input.group.summary(count), tone, action: input.action, count, remainingMs: lifetimeMs };
    // The merged toast moves to the end, where new ones appear.
    return { list: [...list.filter((t) => t !== same), merged], id: same.id };
  }
  return { list: [...list, { id, message: input.message, tone, action: input.action, groupKey: key, count: 1, remainingMs: lifetimeMs }], id };
}
