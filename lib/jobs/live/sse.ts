/**
 * Server-Sent Events framing (the WHATWG event-stream format): one event is `event:`, `id:` and
 * `data:` lines ended by a blank line; a line starting with ":" is a comment, which browsers
 * ignore and which keeps proxies from closing an idle connection.
 */

export interface SseMessage {
  event?: string;
  id?: string;
  data: string;
}

/** Field values may not hold line breaks; an id may not hold NUL either (the browser would drop it). */
function field(name: string, value: string): string {
  if (/[\r\n\0]/.test(value)) throw new Error(`An event-stream ${name} cannot contain line breaks or NUL.`);
  return `${name}: ${value}\n`;
}

export function sseEvent(m: SseMessage): string {
  let out = "";
  if (m.event !== undefined) out += field("event", m.event);
  if (m.id !== undefined) out += field("id", m.id);
  // Each line of the payload is its own data: line; the browser joins them with "\n" again.
  for (const line of m.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return out + "\n";
}

export function sseComment(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `: ${line}\n`)
    .join("") + "\n";
}

/** How long the browser waits before it reconnects on its own. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

/** A parsed event, as a browser's EventSource would dispatch it (for tests and non-browser clients). */
export interface ParsedSse {
  event: string;
  id: string | undefined;
  data: string;
}

/**
 * An incremental parser of an event stream: feed it chunks, get the complete events so far.
 * Comments and retry lines are counted but not dispatched, as in a browser.
 */
export class SseParser {
  private buffer = "";
  private lines: { event?: string; id?: string; data: string[] } = { data: [] };
  comments = 0;

  push(chunk: string): ParsedSse[] {
    this.buffer += chunk;
    const out: ParsedSse[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      // A lone "\r" at the end may be the first half of "\r\n": wait for more.
      if (!m || (m[0] === "\r" && m.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      if (line === "") {
        if (this.lines.data.length) out.push({ event: this.lines.event ?? "message", id: this.lines.id, data: this.lines.data.join("\n") });
        this.lines = { data: [] };
        continue;
      }
      if (line.startsWith(":")) {
        this.comments++;
        continue;
      }
      const colon = line.indexOf(":");
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (name === "event") this.lines.event = value;
      else if (name === "id") this.lines.id = value;
      else if (name === "data") this.lines.data.push(value);
    }
    return out;
  }
}
