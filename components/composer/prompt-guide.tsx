"use client";
import { Button } from "../ui/button";
import { useDismissed } from "./use-dismissed";

const EXAMPLE =
  "A red fox trots through fresh snow at dawn, slow dolly in, soft golden light, cinematic, shallow depth of field, 35 mm film grain.";

/** A short, dismissible note on prompts that move; dismissal is remembered in this browser. */
export function PromptGuide({ onUseExample }: { onUseExample: (example: string) => void }) {
  const [dismissed, setDismissed] = useDismissed("dailies.prompt-guide.dismissed");
  if (dismissed)
    return (
      <button
        type="button"
        onClick={() => setDismissed(false)}
        className="self-start text-xs text-violet-300 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-violet-400"
      >
        Writing tips
      </button>
    );
  return (
    <aside aria-label="Writing tips" className="rounded-lg border border-neutral-800 bg-neutral-900/60 p-3 text-xs text-neutral-300">
      <p className="font-medium text-neutral-100">Prompts that move</p>
      <p className="mt-1">
        Describe <strong className="font-medium text-neutral-100">a subject doing an action</strong>, then a{" "}
        <strong className="font-medium text-neutral-100">camera movement</strong>, a <strong className="font-medium text-neutral-100">style</strong>{" "}
        and the <strong className="font-medium text-neutral-100">technical quality</strong>.
      </p>
      <p className="mt-2 italic text-neutral-400">“{EXAMPLE}”</p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" variant="ghost" onClick={() => onUseExample(EXAMPLE)}>
          Use this example
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setDismissed(true)}>
          Dismiss tips
        </Button>
      </div>
    </aside>
  );
}
