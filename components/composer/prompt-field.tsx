"use client";
import type { Ref } from "react";
import { cn } from "../ui/cn";
import { controlClass, FieldError } from "../ui/field";
import { PromptGuide } from "./prompt-guide";

/** The prompt, its live count against the model's limit, and the guide to prompts that move. */
export function PromptField({
  value,
  onChange,
  maxLength,
  modelLabel,
  error,
  textareaRef,
}: {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  modelLabel: string;
  error?: string;
  textareaRef: Ref<HTMLTextAreaElement>;
}) {
  const length = value.trim().length;
  const over = length - maxLength;
  const describedBy = ["prompt-count", error ? "prompt-error" : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor="prompt" className="text-sm font-medium text-neutral-200">
          Prompt
        </label>
        <span id="prompt-count" className={cn("text-xs tabular-nums", over > 0 ? "text-red-400" : "text-neutral-400")}>
          <span className="sr-only">Characters: </span>
          {length.toLocaleString("en-US")} / {maxLength.toLocaleString("en-US")}
        </span>
      </div>
      <textarea
        id="prompt"
        name="prompt"
        ref={textareaRef}
        rows={5}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="A subject doing an action, a camera move, a style, the quality…"
        aria-invalid={error || over > 0 ? true : undefined}
        aria-describedby={describedBy}
        className={cn(controlClass, "min-h-28 resize-y")}
      />
      {over > 0 && !error && (
        <p className="text-xs text-red-400">
          {over.toLocaleString("en-US")} characters over {modelLabel}’s limit of {maxLength.toLocaleString("en-US")}.
        </p>
      )}
      <FieldError id="prompt" error={error} />
      <PromptGuide onUseExample={onChange} />
    </div>
  );
}
