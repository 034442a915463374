import type { ReactNode } from "react";

/** One titled block of the settings page. */
export function SettingsSection({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-neutral-800 bg-neutral-900/40 p-4 sm:p-5">
      <h2 id={id} className="text-base font-semibold text-neutral-50">
        {title}
      </h2>
      {intro && <div className="mt-1 text-sm text-neutral-400">{intro}</div>}
      <div className="mt-4">{children}</div>
    </section>
  );
}
