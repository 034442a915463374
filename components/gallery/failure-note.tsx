import { cn } from "@/components/ui/cn";
import type { JobJson } from "@/lib/jobs/serialize";
import { failureHelp } from "./failure-help";

/**
 * Why a job failed and what to do about it. On a card it is a quiet box; on the job page it is
 * announced, since the page is about this one job.
 */
export function FailureNote({ error, layout }: { error: JobJson["error"]; layout: "card" | "page" }) {
  const onPage = layout === "page";
  return (
    <div className={onPage ? "max-w-md text-center text-sm" : "rounded-md border border-red-900/60 bg-red-950/40 p-2 text-xs"}>
      <p role={onPage ? "alert" : undefined} className="text-red-200">
        {error?.message}
      </p>
      <p className={cn("mt-1", onPage ? "text-neutral-400" : "text-red-300/80")}>{failureHelp(error?.code)}</p>
    </div>
  );
}
