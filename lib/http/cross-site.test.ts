import { describe, expect, it } from "vitest";
import { crossSiteWithCookie } from "./cross-site";

const req = (method: string, headers: Record<string, string>) => new Request("http://studio.test/api/jobs/x", { method, headers: { host: "studio.test", ...headers } });

describe("crossSiteWithCookie", () => {
  it("refuses a cookie-carrying change from another site", () => {
    expect(crossSiteWithCookie(req("DELETE", { origin: "https://evil.test" }), "session")).toBe(true);
    expect(crossSiteWithCookie(req("POST", { origin: "null" }), "session")).toBe(true);
    expect(crossSiteWithCookie(req("POST", { "sec-fetch-site": "cross-site" }), "session")).toBe(true);
  });

  it("lets our own pages, reads, token calls and non-browser scripts through", () => {
    expect(crossSiteWithCookie(req("POST", { origin: "http://studio.test" }), "session")).toBe(false);
    expect(crossSiteWithCookie(req("GET", { origin: "https://evil.test" }), "session")).toBe(false);
    expect(crossSiteWithCookie(req("DELETE", { origin: "https://evil.test" }), "token")).toBe(false);
    expect(crossSiteWithCookie(req("POST", {}), "session")).toBe(false);
  });
});
