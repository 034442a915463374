"use client";
import Link from "next/link";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";
import { coalesce, type Toast, type ToastInput, type Tone } from "@/lib/ui/toast-list";

/** How long a toast stays, counted only while nobody hovers or focuses the toasts. */
const LIFETIME_MS: Record<Tone, number> = { info: 5_000, success: 6_000, error: 8_000 };
/** At most this many at once; the oldest go first. */
const MAX_TOASTS = 4;

type Push = (input: string | ToastInput, tone?: Tone) => number;

interface ToastApi {
  push: Push;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi>({ push: () => 0, dismiss: () => undefined });

/**
 * Shows background outcomes ("Your video is ready") in a polite live region, bottom right (above
 * the composer's bar on a phone). A toast may carry one action (a link or a button); toasts of one
 * `group` coalesce into one ("3 videos ready"); time stands still while the pointer or focus is on them.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  // The list as of the last change, so push can answer which toast it joined at once.
  const current = useRef<Toast[]>([]);
  // Read by the clock on every tick and set in the event handlers themselves, so a tick that
  // lands before React has re-rendered already sees the pointer or focus on the toasts.
  const paused = useRef(false);
  const nextId = useRef(1);
  const commit = useCallback((next: Toast[]) => {
    current.current = next;
    // Nothing left to hover: a toast removed under the pointer or focus (its × or its action)
    // sends no leave or blur, and the next toast must not stand still forever.
    if (next.length === 0) paused.current = false;
    setToasts(next);
  }, []);
  const dismiss = useCallback((id: number) => commit(current.current.filter((t) => t.id !== id)), [commit]);
  const push = useCallback<Push>(
    (input, tone) => {
      const toast: ToastInput = typeof input === "string" ? { message: input, tone } : input;
      const next = coalesce(current.current, toast, nextId.current++, LIFETIME_MS[toast.tone ?? "info"]);
      commit(next.list.slice(-MAX_TOASTS));
      return next.id;
    },
    [commit],
  );

  // One clock for all: every tick takes the time passed off each toast's remaining life, unless paused.
  const active = toasts.length > 0;
  useEffect(() => {
    if (!active) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const spent = now - last;
      last = now;
      if (paused.current) return;
      commit(current.current.map((t) => ({ ...t, remainingMs: t.remainingMs - spent })).filter((t) => t.remainingMs > 0));
    }, 250);
    return () => clearInterval(timer);
  }, [active, commit]);

  const api = useMemo(() => ({ push, dismiss }), [push, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        aria-live="polite"
        data-testid="toasts"
        onPointerEnter={() => {
          paused.current = true;
        }}
        onPointerLeave={() => {
          paused.current = false;
        }}
        onFocus={() => {
          paused.current = true;
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) paused.current = false;
        }}
        className="pointer-events-none fixed inset-x-3 bottom-20 z-50 flex flex-col items-end gap-2 sm:inset-x-auto sm:right-4 lg:bottom-4"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            role="status"
            data-tone={t.tone}
            // The toast's own clock, for tests that drive time and need a fact to read rather than a moment to catch.
            data-remaining-ms={Math.round(t.remainingMs)}
            className={cn(
              "pointer-events-auto flex max-w-sm items-center gap-2 rounded-lg border py-1.5 pr-1.5 pl-4 text-sm shadow-lg",
              t.tone === "error" ? "border-red-800 bg-red-950 text-red-100" : "border-neutral-700 bg-neutral-900 text-neutral-100",
              t.tone === "success" && "border-emerald-800",
            )}
          >
            <span className="flex-1 py-1.5">{t.message}</span>
            {t.action && "href" in t.action && (
              <Link
                href={t.action.href}
                onClick={() => dismiss(t.id)}
                className="inline-flex h-9 items-center rounded-md px-2.5 font-medium text-violet-300 hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-violet-400"
              >
                {t.action.label}
              </Link>
            )}
            {t.action && "onClick" in t.action && (
              <button
                type="button"
                onClick={() => {
                  dismiss(t.id);
                  (t.action as { onClick: () => void }).onClick();
                }}
                className="inline-flex h-9 items-center rounded-md px-2.5 font-medium text-violet-300 hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-violet-400"
              >
                {t.action.label}
              </button>
            )}
            <button
              type="button"
              aria-label="Dismiss"
              className="inline-flex size-9 items-center justify-center rounded-md text-neutral-300 hover:bg-neutral-800 hover:text-neutral-100 focus-visible:outline-2 focus-visible:outline-violet-400"
              onClick={() => dismiss(t.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** `toast("text", tone)` or `toast({ message, tone, action, group })`; returns the toast's id. */
export function useToast(): Push {
  return useContext(ToastContext).push;
}

export function useDismissToast(): (id: number) => void {
  return useContext(ToastContext).dismiss;
}
