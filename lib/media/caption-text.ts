/**
 * Turns a prompt into the caption drawn on a procedural preview: one paragraph, wrapped to
 * lines that fit the frame (drawtext does not wrap) and cut with an ellipsis when too long.
 * Widths are in "average Latin character" units; CJK and emoji count double.
 */
export function wrapCaption(prompt: string, maxCharsPerLine: number, maxLines: number): string {
  const width = Math.max(8, Math.floor(maxCharsPerLine));
  const text = prompt
    // Control and format characters draw as boxes or move the pen; newlines are re-made below.
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!text) return "";

  const lines: string[][] = [];
  let line: string[] = [];
  let used = 0;
  const flush = () => {
    lines.push(line);
    line = [];
    used = 0;
  };
  const put = (ch: string) => {
    if (used + charWidth(ch) > width && used > 0) flush();
    line.push(ch);
    used += charWidth(ch);
  };
  for (const word of text.split(" ")) {
    const chars = Array.from(word);
    const wordWidth = chars.reduce((sum, ch) => sum + charWidth(ch), 0);
    if (used > 0 && used + 1 + wordWidth > width) flush();
    if (used > 0) put(" ");
    // A word longer than a line is split where it overflows.
    for (const ch of chars) put(ch);
  }
  if (line.length > 0) flush();

  const out = lines.slice(0, Math.max(1, maxLines));
  if (lines.length > out.length) {
    const last = out[out.length - 1] ?? [];
    while (last.length > 0 && last.reduce((sum, ch) => sum + charWidth(ch), 0) + 1 > width) last.pop();
    out[out.length - 1] = [...last.join("").trimEnd(), "…"];
  }
  return out.map((l) => l.join("").trimEnd()).join("\n");
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

function charWidth(ch: string): number {
  return WIDE.test(ch) ? 2 : 1;
}
