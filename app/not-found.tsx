import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/shell/app-header";
import { buttonClass } from "@/components/ui/button";
import { currentViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Not found", robots: { index: false, follow: false } };

/**
 * One calm answer for anything missing, revoked or not yours: it says nothing about which. Not a
 * dead end: the header (for someone signed in) and links back.
 */
export default async function NotFound() {
  const viewer = await currentViewer();
  return (
    <>
      {viewer ? (
        <AppHeader email={viewer.email} />
      ) : (
        <header className="border-b border-neutral-800">
          <div className="mx-auto flex h-14 max-w-7xl items-center px-4">
            <Link href="/" className="inline-flex h-11 items-center text-base font-semibold tracking-tight text-neutral-50 focus-visible:outline-2 focus-visible:outline-violet-400">
              Dailies
            </Link>
          </div>
        </header>
      )}
      <main id="main" tabIndex={-1} className="flex min-h-[calc(100vh-3.5rem)] items-center justify-center p-6">
        <div className="max-w-sm text-center">
          <p className="text-sm font-medium text-violet-300">404</p>
          <h1 className="mt-2 text-xl font-semibold text-neutral-50">Nothing to see here</h1>
          <p className="mt-2 text-sm text-neutral-300">This page does not exist, or the link was revoked or has expired.</p>
          <nav aria-label="Ways back" className="mt-6 flex flex-wrap justify-center gap-3">
            {viewer ? (
              <>
                <Link href="/" className={buttonClass({ variant: "primary" })}>
                  Open the studio
                </Link>
                <Link href="/gallery" className={buttonClass({ variant: "secondary" })}>
                  Your gallery
                </Link>
              </>
            ) : (
              <Link href="/sign-in" className={buttonClass({ variant: "primary" })}>
                Sign in to Dailies
              </Link>
            )}
          </nav>
        </div>
      </main>
    </>
  );
}
