import { cn } from "@/components/ui/cn";

const LOOK: Record<string, { label: string; className: string }> = {
  queued: { label: "Queued", className: "bg-neutral-800 text-neutral-300" },
  submitted: { label: "Submitted", className: "bg-violet-950 text-violet-300" },
  running: { label: "Generating", className: "bg-violet-950 text-violet-200" },
  saving: { label: "Saving", className: "bg-violet-950 text-violet-200" },
  succeeded: { label: "Ready", className: "bg-emerald-950 text-emerald-300" },
  failed: { label: "Failed", className: "bg-red-950 text-red-300" },
  canceled: { label: "Canceled", className: "bg-neutral-800 text-neutral-400" },
};

export function StatusBadge({ status, className }: { status: string; className?: string }) {
  const look = LOOK[status] ?? { label: status, className: "bg-neutral-800 text-neutral-300" };
  return <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", look.className, className)}>{look.label}</span>;
}
