/** HTTP Range parsing for a single byte range (what players send). */

export type RangeResult = { kind: "none" } | { kind: "range"; start: number; end: number } | { kind: "unsatisfiable" };

export function parseRange(header: string | null, size: number): RangeResult {
  if (!header) return { kind: "none" };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Multiple ranges or other units: serving the whole file is allowed by RFC 9110.
  if (!m) return header.trim().startsWith("bytes=") && header.includes(",") ? { kind: "none" } : { kind: "unsatisfiable" };
  const [, a = "", b = ""] = m;
  if (a === "" && b === "") return { kind: "unsatisfiable" };
  let start: number;
  let end: number;
  if (a === "") {
    const suffix = Number(b);
    if (suffix === 0) return { kind: "unsatisfiable" };
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === "" ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return { kind: "unsatisfiable" };
  return { kind: "range", start, end };
}
