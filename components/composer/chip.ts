/** The look every chip in the composer's chip row shares: 44 px tall, a pill, a visible focus ring. */
export const chipClass =
  "flex h-11 min-w-11 items-center gap-1.5 rounded-full border border-neutral-700 bg-neutral-900 px-3 text-sm text-neutral-200 " +
  "hover:border-neutral-500 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-violet-400";

/** A chip's own small caption ("Duration"), so the row reads without opening anything. */
export const chipCaptionClass = "text-xs text-neutral-400";
