import Link from "next/link";

/** Stands in for the recent jobs feed on the studio page. */
export function RecentPlaceholder() {
  return (
    <div className="flex min-h-40 flex-col items-center justify-center gap-2 rounded-xl border border-dashed border-neutral-800 p-6 text-center text-sm text-neutral-400">
      <p>Recent videos appear in the gallery.</p>
      <Link href="/gallery" className="text-violet-300 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-violet-400">
        Open the gallery
      </Link>
    </div>
  );
}
