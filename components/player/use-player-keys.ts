"use client";
import { useEffect, type RefObject } from "react";

const SEEK_SECONDS = 5;
/** J and L jump further than the arrows, as in most video players. */
const JUMP_SECONDS = 10;

/** Focus on the page itself or on the player, not on a field or a button that wants the key. */
function keysAreOurs(target: EventTarget | null, video: HTMLVideoElement): boolean {
  if (target === video) return true;
  return target === null || target === document.body || target === document.documentElement;
}

const isSpace = (e: KeyboardEvent) => e.key === " " || e.key === "Spacebar";

/**
 * Space or K plays or pauses, ←/→ skip 5 s, J/L 10 s, M mutes, F goes full screen, while the player or the page has focus. Handled once on
 * the document and prevented, so the page does not scroll; a focused <video> would also toggle
 * itself on Space's keyup, so that is swallowed too, or one press would play and pause at once.
 */
export function usePlayerKeys(ref: RefObject<HTMLVideoElement | null>): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const video = ref.current;
      if (!video || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (!keysAreOurs(e.target, video)) return;
      if (isSpace(e)) {
        if (video.paused || video.ended) void video.play().catch(() => undefined);
        else video.pause();
      } else if (e.key === "ArrowLeft" || e.key === "ArrowRight" || e.key === "j" || e.key === "l") {
        const end = Number.isFinite(video.duration) ? video.duration : Infinity;
        const step = { ArrowLeft: -SEEK_SECONDS, ArrowRight: SEEK_SECONDS, j: -JUMP_SECONDS, l: JUMP_SECONDS }[e.key];
        video.currentTime = Math.min(end, Math.max(0, video.currentTime + step));
      } else if (e.key === "k") {
        if (video.paused || video.ended) void video.play().catch(() => undefined);
        else video.pause();
      } else if (e.key === "m") {
        video.muted = !video.muted;
      } else if (e.key === "f") {
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        else void video.requestFullscreen?.().catch(() => undefined);
      } else {
        return;
      }
      e.preventDefault();
    }
    function onSpaceRelease(e: KeyboardEvent) {
      const video = ref.current;
      if (video && isSpace(e) && keysAreOurs(e.target, video)) e.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("keypress", onSpaceRelease, true);
    document.addEventListener("keyup", onSpaceRelease, true);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("keypress", onSpaceRelease, true);
      document.removeEventListener("keyup", onSpaceRelease, true);
    };
  }, [ref]);
}
