"use client";
import { useCallback, useEffect, useRef, useState } from "react";

export interface Attachment {
  file: File;
  /** A blob: URL for the preview, revoked when the image is replaced or removed. */
  url: string;
}

/** The composer's still image and its preview URL, kept together so neither outlives the other. */
export function useImageAttachment(): [Attachment | null, (file: File | null) => void] {
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const urlRef = useRef<string | null>(null);
  const attach = useCallback((file: File | null) => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = file ? URL.createObjectURL(file) : null;
    setAttachment(file && urlRef.current ? { file, url: urlRef.current } : null);
  }, []);
  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
      urlRef.current = null;
    },
    [],
  );
  return [attachment, attach];
}
