"use client";
import { useRef, useState, useTransition } from "react";
import { enhancePromptAction } from "@/lib/actions/enhance-prompt";
import { wordDiff } from "@/lib/ui/word-diff";
import { Button } from "../ui/button";

const UNREACHABLE = "The studio could not be reached. Your prompt is unchanged; try again.";

/**
 * "Enhance": asks the configured prompt assistant for a rewrite with the motion formula and shows
 * it as a diff against what was written, to use or discard. The prompt changes only on "Use it".
 */
export function PromptEnhance({ prompt, onAccept }: { prompt: string; onAccept: (next: string) => void }) {
  const [suggestion, setSuggestion] = useState<{ from: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const regionRef = useRef<HTMLDivElement>(null);

  function enhance() {
    setError(null);
    const from = prompt;
    start(async () => {
      const result = await enhancePromptAction(from).catch(() => ({ ok: false as const, error: UNREACHABLE }));
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setSuggestion({ from, text: result.value.suggestion });
      // Move the reading point to the suggestion so a screen reader hears it next.
      requestAnimationFrame(() => regionRef.current?.focus());
    });
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <Button size="sm" variant="secondary" busy={pending} onClick={enhance} disabled={!prompt.trim()}>
          {pending ? "Enhancing…" : "Enhance prompt"}
        </Button>
        <span className="text-xs text-neutral-400">Adds camera, style and quality to your idea.</span>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-400">
          {error}
        </p>
      )}
      {suggestion && (
        <div
          ref={regionRef}
          tabIndex={-1}
          role="region"
          aria-label="Suggested prompt"
          className="rounded-lg border border-violet-500/50 bg-violet-950/40 p-3 text-sm focus-visible:outline-2 focus-visible:outline-violet-400"
        >
          <p className="mb-1 text-xs font-medium text-violet-200">Suggested prompt (added words are underlined, removed ones struck through)</p>
          <p data-testid="enhance-diff" className="leading-relaxed text-neutral-100">
            {wordDiff(suggestion.from, suggestion.text).map((part, i) =>
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
              onClick={() => {
                onAccept(suggestion.text);
                setSuggestion(null);
              }}
            >
              Use suggestion
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSuggestion(null)}>
              Discard
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
