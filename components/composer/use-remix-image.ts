"use client";
import { useEffect, useRef, useState } from "react";
import type { Attachment } from "./use-image-attachment";

/**
 * A remix re-sends the original still: the browser fetches it from /media into a File, so it
 * travels in the form like any other image. Returns a sentence when it could not be loaded.
 */
export function useRemixImage(url: string | null, attachment: Attachment | null, attach: (file: File) => void): string | null {
  const [error, setError] = useState<string | null>(null);
  const current = useRef(attachment);
  useEffect(() => {
    current.current = attachment;
  }, [attachment]);

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    (async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const blob = await res.blob();
      // The person may have picked another image while this one loaded; theirs wins.
      if (cancelled || current.current) return;
      const name = url.slice(url.lastIndexOf("/") + 1) || "image";
      attach(new File([blob], name, { type: blob.type }));
    })().catch(() => {
      if (!cancelled) setError("The original video’s image could not be loaded. Add it again to use it.");
    });
    return () => {
      cancelled = true;
    };
  }, [url, attach]);

  return attachment ? null : error;
}
