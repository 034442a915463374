import type { ReactNode } from "react";

/** The calm, centred card that holds the sign-in and sign-up forms. */
export function AuthCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-semibold tracking-tight text-neutral-50">Dailies</p>
        <div className="rounded-xl border border-neutral-800 bg-neutral-900/60 p-6 shadow-xl shadow-black/20">
          <h1 className="text-xl font-semibold text-neutral-50">{title}</h1>
          {intro && <div className="mt-1.5 text-sm text-neutral-400">{intro}</div>}
          <div className="mt-5">{children}</div>
        </div>
        {footer && <div className="mt-5 text-center text-sm text-neutral-400">{footer}</div>}
      </div>
    </main>
  );
}

export const linkClass = "font-medium text-violet-300 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-violet-400";
