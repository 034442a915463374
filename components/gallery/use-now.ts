"use client";
import { useSyncExternalStore } from "react";

/** One shared one-second clock for every ticking card, started only while someone listens. */
let now = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const noop = () => () => undefined;

/**
 * The current time, updated every second while `ticking`; null on the server and during
 * hydration, so times computed from it never mismatch the server's HTML.
 */
export function useNow(ticking: boolean): number | null {
  return useSyncExternalStore(
    ticking ? subscribe : noop,
    () => {
      if (!ticking) return null;
      now ||= Date.now();
      return now;
    },
    () => null,
  );
}

/** False during the server render and hydration, true after: for text that depends on the browser (time zone, locale). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
