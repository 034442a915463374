import Link from "next/link";

/** The same answer for a missing job and for someone else's: nothing here. */
export default function JobNotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto flex max-w-xl flex-col items-start gap-3 px-4 py-16">
      <h1 className="text-xl font-semibold">Video not found</h1>
      <p className="text-sm text-neutral-300">There is no video at this address. It may have been deleted.</p>
      <Link href="/gallery" className="text-sm text-violet-300 hover:underline focus-visible:outline-2 focus-visible:outline-violet-400">
        Back to the gallery
      </Link>
    </main>
  );
}
