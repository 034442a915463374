/**
 * Date headers for the feed: "Today", "Yesterday", or the date, in the reader's zone once the page
 * is live (`local`), and in UTC before, so the server's HTML and the first client render agree. Pure.
 */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const utcFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function dayKey(d: Date, local: boolean): string {
  return local ? `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}` : d.toISOString().slice(0, 10);
}

export function dayOf(iso: string, local: boolean): string {
  return dayKey(new Date(iso), local);
}

export function dayLabel(iso: string, local: boolean, now = new Date()): string {
  const d = new Date(iso);
  const key = dayKey(d, local);
  if (key === dayKey(now, local)) return "Today";
  if (key === dayKey(new Date(now.getTime() - 86_400_000), local)) return "Yesterday";
  return local ? dateFormat.format(d) : utcFormat.format(d);
}
