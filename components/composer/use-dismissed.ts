"use client";
import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === "1";
  } catch {
    // Storage can be blocked (private modes, policies); then nothing is remembered.
    return false;
  }
}

/**
 * A flag remembered in localStorage. The server renders it as dismissed, so a person who
 * dismissed something never sees it flash; others see it appear once the page is interactive.
 */
export function useDismissed(key: string): [boolean, (dismissed: boolean) => void] {
  const dismissed = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => true,
  );
  const set = useCallback(
    (value: boolean) => {
      try {
        if (value) window.localStorage.setItem(key, "1");
        else window.localStorage.removeItem(key);
      } catch {
        // See read().
      }
      listeners.forEach((l) => l());
    },
    [key],
  );
  return [dismissed, set];
}
