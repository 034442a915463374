"use client";
import { useEffect, useRef } from "react";
import { wordDiff } from "@/lib/ui/word-diff";
import { Button } from "../ui/button";

/**
 * The assistant's rewrite as a word diff against what was written, to use or discard. It takes
 * focus when it appears so a screen reader hears it next. Loaded with the first suggestion (prompt-enhance).
 */
export function PromptSuggestion({ from, text, onUse, onDiscard }: { from: string; text: string; onUse: () => void; onDiscard: () => void }) {
  const regionRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    regionRef.current?.focus();
  }, [text]);
  return (
    <div
      ref={regionRef}
      tabIndex={-1}
      role="region"
      aria-label="Suggested prompt"
      className="rounded-lg border border-violet-500/50 bg-violet-950/40 p-3 text-sm focus-visible:outline-2 focus-visible:outline-violet-400"
    >
      <p className="mb-1 text-xs font-medium text-violet-200">Suggested prompt (added words are underlined, removed ones struck through)</p>
      <p data-testid="enhance-diff" className="leading-relaxed text-neutral-100">
        {wordDiff(from, text).map((part, i) =>
          part.kind === "same" ? (
            <span key={i}>{part.text}</span>
          ) : part.kind === "added" ? (
            <ins key={i} className="bg-emerald-900/60 text-emerald-100 underline decoration-emerald-400 underline-offset-2">
              <span className="sr-only">added: </span>
              {part.text}
            </ins>
          ) : (
            <del key={i} className="text-red-200 line-through decoration-red-400">
              <span className="sr-only">removed: </span>
              {part.text}
            </del>
          ),
        )}
      </p>
      <div className="mt-3 flex gap-2">
        <Button
          size="sm"
          variant="primary"
          onClick={onUse}
        >
          Use suggestion
        </Button>
        <Button size="sm" variant="ghost" onClick={onDiscard}>
          Discard
        </Button>
      </div>
    </div>
  );
}
