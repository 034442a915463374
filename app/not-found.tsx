import type { Metadata } from "next";

export const metadata: Metadata = { title: "Not found", robots: { index: false, follow: false } };

/** One calm answer for anything missing, revoked or not yours: it says nothing about which. */
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="max-w-sm text-center">
        <p className="text-sm font-medium text-violet-400">404</p>
        <h1 className="mt-2 text-xl font-semibold text-neutral-50">Nothing to see here</h1>
        <p className="mt-2 text-sm text-neutral-400">This page does not exist, or the link was revoked or has expired.</p>
      </div>
    </main>
  );
}
