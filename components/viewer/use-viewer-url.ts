"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";

const PARAM = "take";

function urlWith(id: string | null): string {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set(PARAM, id);
  else url.searchParams.delete(PARAM);
  return url.pathname + url.search + url.hash;
}

/**
 * The open take lives in the URL (`?take=<id>`), so it can be linked and Back closes it. Opening
 * pushes one history entry; moving with ←/→ replaces it (Back does not walk every take); closing
 * goes back when we pushed, and otherwise drops the parameter. Focus returns to what opened it.
 */
export function useViewerUrl() {
  const openId = useSearchParams().get(PARAM);
  const opener = useRef<HTMLElement | null>(null);
  const lastOpen = useRef<string | null>(null);
  const pushed = useRef(false);

  const open = useCallback((id: string, from: HTMLElement) => {
    opener.current = from;
    pushed.current = true;
    window.history.pushState(null, "", urlWith(id));
  }, []);

  const move = useCallback((id: string) => window.history.replaceState(null, "", urlWith(id)), []);

  const close = useCallback(() => {
    if (pushed.current) {
      pushed.current = false;
      window.history.back();
    } else window.history.replaceState(null, "", urlWith(null));
  }, []);

  useEffect(() => {
    if (openId) {
      lastOpen.current = openId;
      return;
    }
    const was = lastOpen.current;
    if (!was) return;
    lastOpen.current = null;
    pushed.current = false;
    // The opener, or the poster of the take that was last shown, when the viewer was opened by a link.
    const target =
      opener.current && opener.current.isConnected
        ? opener.current
        : document.querySelector<HTMLElement>(`[data-job-id="${CSS.escape(was)}"] [data-open-viewer]`);
    opener.current = null;
    target?.focus();
  }, [openId]);

  return { openId, open, move, close };
}
