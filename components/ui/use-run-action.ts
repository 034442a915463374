"use client";
import { useCallback, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { useToast } from "./toaster";

const UNREACHABLE = "Could not reach the studio. Check your connection and try again.";

/**
 * Runs server actions for one component: which one is running (`busy`, by a name the caller
 * picks), a failure as a value (a network error too, which the action itself cannot return), and
 * a toast for it unless the caller shows it itself.
 */
export function useRunAction<Name extends string = string>() {
  const toast = useToast();
  const [busy, setBusy] = useState<Name | null>(null);

  const run = useCallback(
    async <T>(name: Name, call: () => Promise<ActionResult<T>>, opts: { toastFailure?: boolean } = {}): Promise<ActionResult<T>> => {
      setBusy(name);
      let result: ActionResult<T>;
      try {
        result = await call();
      } catch {
        result = { ok: false, error: UNREACHABLE };
      } finally {
        // Another action may have started meanwhile; it is still busy.
        setBusy((b) => (b === name ? null : b));
      }
      if (!result.ok && opts.toastFailure !== false) toast(result.error, "error");
      return result;
    },
    [toast],
  );

  return { busy, run };
}

/** An action's value, or its failure thrown: for React Query, which reports errors it catches. */
export function actionValue<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
