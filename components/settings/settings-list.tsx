import type { ReactNode } from "react";
import { cn } from "../ui/cn";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const day = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** A bordered list of things a settings section manages (tokens, endpoints, deliveries, people). */
export function SettingsList({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className={cn("divide-y divide-neutral-800 rounded-lg border border-neutral-800", className)}>
      {children}
    </ul>
  );
}

/** One row of a SettingsList: what it is on the left, its buttons on the right (below on a phone). */
export function SettingsListRow({ testId, className, children }: { testId?: string; className?: string; children: ReactNode }) {
  return (
    <li data-testid={testId} className={cn("flex flex-wrap items-center gap-x-4 px-3", className ?? "gap-y-1 py-2.5")}>
      {children}
    </li>
  );
}

/**
 * A moment in a settings list, rendered on the server in one fixed language (these pages are not
 * hydrated per reader); `dateOnly` for "joined" dates.
 */
export function SettingsTime({ at, dateOnly = false }: { at: number | string | Date; dateOnly?: boolean }) {
  const date = new Date(at);
  return <time dateTime={date.toISOString()}>{(dateOnly ? day : when).format(date)}</time>;
}
