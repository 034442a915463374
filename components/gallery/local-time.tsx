"use client";
import { useHydrated } from "./use-now";

const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** A time in the reader's zone and language; until hydration, the same UTC text the server rendered. */
export function LocalTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  const date = new Date(iso);
  return <time dateTime={iso}>{hydrated ? format.format(date) : `${iso.slice(0, 19).replace("T", " ")} UTC`}</time>;
}
