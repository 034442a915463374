"use client";
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import { formatBytes } from "@/lib/jobs/format-job";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { FieldError } from "../ui/field";
import { checkImage, IMAGE_ACCEPT } from "./check-image";
import type { Attachment } from "./use-image-attachment";

/**
 * The still to animate: drop it here, paste it anywhere on the page, or browse. The native file
 * input always holds the accepted image, so `new FormData(form)` sends exactly what is previewed.
 */
export function ImageField({
  attachment,
  onAttach,
  note,
  error,
  onClearError,
}: {
  attachment: Attachment | null;
  onAttach: (file: File | null) => void;
  /** How the chosen model treats images, e.g. that it takes text only. */
  note?: string;
  /** The server's word on the image. */
  error?: string;
  onClearError: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const file = attachment?.file ?? null;

  const syncInput = useCallback((f: File | null) => {
    const input = inputRef.current;
    if (!input) return;
    const dt = new DataTransfer();
    if (f) dt.items.add(f);
    input.files = dt.files;
  }, []);

  // The image can also arrive from outside (a remix's original still).
  useEffect(() => syncInput(file), [file, syncInput]);

  const pick = useCallback(
    async (candidate: File) => {
      onClearError();
      const problem = await checkImage(candidate);
      setCheckError(problem);
      if (problem) syncInput(file);
      else onAttach(candidate);
    },
    [file, onAttach, onClearError, syncInput],
  );

  useEffect(() => {
    function onPaste(e: ClipboardEvent) {
      const pasted = e.clipboardData?.files?.[0];
      // Text pastes go where they were going; only a pasted file becomes the image.
      if (!pasted) return;
      e.preventDefault();
      void pick(pasted);
    }
    document.addEventListener("paste", onPaste);
    return () => document.removeEventListener("paste", onPaste);
  }, [pick]);

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files?.[0];
    if (dropped) void pick(dropped);
  }

  function remove() {
    setCheckError(null);
    onClearError();
    onAttach(null);
    syncInput(null);
  }

  const shown = checkError ?? error;
  const describedBy = [shown ? "image-error" : null, "image-hint", note ? "image-note" : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="image" className="text-sm font-medium text-neutral-200">
        Image
      </label>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col gap-3 rounded-lg border border-dashed p-3 transition-colors",
          dragging ? "border-violet-400 bg-violet-500/10" : "border-neutral-700 bg-neutral-900/40",
          shown && "border-red-500",
        )}
      >
        <p id="image-hint" className="text-xs text-neutral-400">
          Optional. Drop a still here, paste one anywhere on the page, or browse. PNG, JPEG or WebP, up to 10 MB.
        </p>
        <input
          ref={inputRef}
          id="image"
          name="image"
          type="file"
          accept={IMAGE_ACCEPT}
          aria-invalid={shown ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            if (chosen) void pick(chosen);
            else syncInput(file);
          }}
          className={cn(
            "block w-full text-xs text-neutral-400 file:mr-3 file:rounded-md file:border-0 file:bg-neutral-800 file:px-3 file:py-1.5",
            "file:text-sm file:font-medium file:text-neutral-100 hover:file:bg-neutral-700",
            "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-400",
          )}
        />
        {attachment && (
          <div className="flex items-start gap-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: preview, nothing to optimise */}
            <img src={attachment.url} alt="The image to animate" className="h-24 w-auto max-w-[60%] rounded-md bg-neutral-950 object-contain" />
            <div className="flex min-w-0 flex-col gap-2 text-xs text-neutral-400">
              <span className="truncate" title={attachment.file.name}>
                {attachment.file.name || "Pasted image"} · {formatBytes(attachment.file.size)}
              </span>
              <Button size="sm" variant="secondary" onClick={remove} className="self-start">
                Remove image
              </Button>
            </div>
          </div>
        )}
      </div>
      <FieldError id="image" error={shown} />
      {note && (
        <p id="image-note" className="text-xs text-amber-300">
          {note}
        </p>
      )}
    </div>
  );
}
