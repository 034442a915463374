import type { ActionResult } from "@/lib/actions/result";

/** The sentence an action returned for the whole form, if it failed. */
export function FormError({ state }: { state: ActionResult | null }) {
  if (!state || state.ok) return null;
  return (
    <p role="alert" className="rounded-md border border-red-900 bg-red-950/60 px-3 py-2 text-sm text-red-200">
      {state.error}
    </p>
  );
}

export function fieldError(state: ActionResult | null, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}
