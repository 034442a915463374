"use client";
import dynamic from "next/dynamic";
import { useState, useTransition } from "react";
import { enhancePromptAction } from "@/lib/actions/enhance-prompt";
import { Button } from "../ui/button";

// The diff view loads with the first suggestion; the button alone is what every visit needs.
const PromptSuggestion = dynamic(() => import("./prompt-suggestion").then((m) => m.PromptSuggestion), { ssr: false });

const UNREACHABLE = "The studio could not be reached. Your prompt is unchanged; try again.";

/**
 * "Enhance": asks the configured prompt assistant for a rewrite with the motion formula and shows
 * it as a diff against what was written, to use or discard. The prompt changes only on "Use it".
 */
export function PromptEnhance({ prompt, onAccept }: { prompt: string; onAccept: (next: string) => void }) {
  const [suggestion, setSuggestion] = useState<{ from: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

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
        <PromptSuggestion
          from={suggestion.from}
          text={suggestion.text}
          onUse={() => {
            onAccept(suggestion.text);
            setSuggestion(null);
          }}
          onDiscard={() => setSuggestion(null)}
        />
      )}
    </div>
  );
}
