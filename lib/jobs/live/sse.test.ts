import { describe, expect, it } from "vitest";
import { SseParser, sseComment, sseEvent, sseRetry } from "./sse";

describe("event-stream framing", () => {
  it("frames an event with its name, id and data, ended by a blank line", () => {
    expect(sseEvent({ event: "job", id: "1.a.b", data: '{"id":"a"}' })).toBe('event: job\nid: 1.a.b\ndata: {"id":"a"}\n\n');
  });

  it("puts each line of a payload on its own data line, and the parser joins them again", () => {
    const text = sseEvent({ data: "one\ntwo\r\nthree" });
    expect(text).toBe("data: one\ndata: two\ndata: three\n\n");
    expect(new SseParser().push(text)).toEqual([{ event: "message", id: undefined, data: "one\ntwo\nthree" }]);
  });

  it("refuses an id or event name that would break the framing", () => {
    expect(() => sseEvent({ id: "a\nb", data: "x" })).toThrow(/line breaks/);
    expect(() => sseEvent({ event: "a\rb", data: "x" })).toThrow(/line breaks/);
    expect(() => sseEvent({ id: "a\0b", data: "x" })).toThrow(/NUL/);
  });

  it("writes comments and retry lines that a browser does not dispatch", () => {
    const parser = new SseParser();
    expect(parser.push(sseComment("keep-alive") + sseRetry(2000.4) + sseComment("a\nb"))).toEqual([]);
    expect(sseRetry(2000.4)).toBe("retry: 2000\n\n");
    expect(parser.comments).toBe(3);
  });

  it("parses events split anywhere across chunks, including between \\r and \\n", () => {
    const text = sseEvent({ event: "job", id: "7.x.y", data: "{}" }).replace(/\n/g, "\r\n") + sseEvent({ event: "ready", data: "{}" });
    const parser = new SseParser();
    const out = [];
    for (const ch of text) out.push(...parser.push(ch));
    expect(out).toEqual([
      { event: "job", id: "7.x.y", data: "{}" },
      { event: "ready", id: undefined, data: "{}" },
    ]);
  });
});
