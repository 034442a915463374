"use client";
import type { ReactNode } from "react";
import { FieldError, describedBy } from "../ui/field";
import { cn } from "../ui/cn";
import { chipCaptionClass, chipClass } from "./chip";

/**
 * A native <select> dressed as a chip. The caption is its <label> (not wrapping it, so the
 * accessible name stays exactly "Duration"), and the field's error sits right under the chip.
 */
export function ChipSelect({
  id,
  label,
  value,
  options,
  onChange,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  value: string;
  options?: Array<{ value: string; label: string; disabled?: boolean }>;
  onChange: (value: string) => void;
  error?: string;
  /** The id of a hint elsewhere that describes this control, when there is one. */
  hint?: boolean;
  /** Instead of `options`: <option>/<optgroup> elements. */
  children?: ReactNode;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className={cn(chipClass, error && "border-red-500")}>
        <label htmlFor={id} className={chipCaptionClass}>
          {label}
        </label>
        <select
          id={id}
          name={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          // The chip draws the focus ring; the select fills it so a tap anywhere opens the list.
          className="h-full min-w-0 max-w-[14rem] cursor-pointer truncate bg-transparent text-sm text-neutral-100 outline-none"
          {...describedBy(id, error, hint)}
        >
          {children ??
            options?.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled} className="bg-neutral-900">
                {o.label}
              </option>
            ))}
        </select>
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}
