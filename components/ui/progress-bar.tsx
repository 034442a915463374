import { cn } from "./cn";

/** A labelled progress bar; `estimate` draws it striped so a guess never looks like a measurement. */
export function ProgressBar({ value, label, estimate = false, className }: { value: number; label: string; estimate?: boolean; className?: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      className={cn("h-1.5 w-full overflow-hidden rounded-full bg-neutral-800", className)}
    >
      <div
        className={cn("h-full rounded-full transition-[width] duration-500", estimate ? "bg-violet-400/60" : "bg-violet-400")}
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}
