import { describe, expect, it } from "vitest";
import { hasMalformedEscape, isForeignActionPost } from "./request-guards";

describe("hasMalformedEscape", () => {
  it("finds escapes that do not decode", () => {
    for (const path of ["/api/jobs/%E0%A4%A", "/media/%zz", "/s/%", "/jobs/%", "/s/%/embed", "/media/videos/%C0%AF.mp4", "/api/webhooks/%ff"])
      expect(hasMalformedEscape(path), path).toBe(true);
  });

  it("leaves ordinary and correctly escaped paths alone", () => {
    for (const path of ["/", "/api/jobs/abc", "/media/videos/a%20b.mp4", "/s/%E0%A4%A4", "/jobs/x%2Fy"]) expect(hasMalformedEscape(path), path).toBe(false);
  });
});

describe("isForeignActionPost", () => {
  const h = (headers: Record<string, string>) => new Headers({ host: "studio.test", ...headers });

  it("refuses a page POST whose Origin is another host, or null", () => {
    expect(isForeignActionPost("POST", "/sign-in", h({ origin: "https://evil.test" }))).toBe(true);
    expect(isForeignActionPost("POST", "/", h({ origin: "null" }))).toBe(true);
    expect(isForeignActionPost("POST", "/settings", h({ origin: "http://studio.test.evil.test" }))).toBe(true);
  });

  it("lets our own pages, scripts without an Origin, reads and the API through", () => {
    expect(isForeignActionPost("POST", "/sign-in", h({ origin: "http://studio.test" }))).toBe(false);
    expect(isForeignActionPost("POST", "/sign-in", h({}))).toBe(false);
    expect(isForeignActionPost("GET", "/sign-in", h({ origin: "https://evil.test" }))).toBe(false);
    expect(isForeignActionPost("POST", "/api/webhooks/replicate", h({ origin: "https://evil.test" }))).toBe(false);
    expect(isForeignActionPost("POST", "/", h({ origin: "https://studio.example", "x-forwarded-host": "studio.example" }))).toBe(false);
  });
});
