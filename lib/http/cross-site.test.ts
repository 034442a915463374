import { describe, expect, it } from "vitest";
import { crossSiteWithCookie } from "./cross-site";

const req = (method: string, headers: Record<string, string>) => new Request("http://studio.test/api/jobs/x", { method, headers: { host: "studio.test", ...headers } });

describe("crossSiteWithCookie", () => {
  it("refuses a cookie-carrying change from another site", () => {
    expect(crossSiteWithCookie(req("DELETE", { origin: "https://evil.test" }), "session", undefined)).toBe(true);
    expect(crossSiteWithCookie(req("POST", { origin: "null" }), "session", undefined)).toBe(true);
    expect(crossSiteWithCookie(req("POST", { "sec-fetch-site": "cross-site" }), "session", undefined)).toBe(true);
  });

  it("compares the scheme too", () => {
    expect(crossSiteWithCookie(req("POST", { origin: "https://studio.test" }), "session", undefined)).toBe(true);
    expect(crossSiteWithCookie(req("POST", { origin: "http://studio.test:8080" }), "session", undefined)).toBe(true);
    const https = new Request("https://studio.test/api/jobs/x", { method: "DELETE", headers: { host: "studio.test", origin: "http://studio.test" } });
    expect(crossSiteWithCookie(https, "session", undefined)).toBe(true);
  });

  it("takes PUBLIC_URL as ours behind a proxy that does not pass the scheme on", () => {
    expect(crossSiteWithCookie(req("POST", { origin: "https://studio.test" }), "session", "https://studio.test")).toBe(false);
    expect(crossSiteWithCookie(req("POST", { origin: "http://studio.test" }), "session", "https://studio.test")).toBe(true);
    expect(crossSiteWithCookie(req("POST", { origin: "http://studio.test" }), "session", "https://public.example")).toBe(false);
    expect(crossSiteWithCookie(req("POST", { origin: "https://other.test" }), "session", "https://studio.test")).toBe(true);
  });

  it("lets our own pages, reads, token calls and non-browser scripts through", () => {
    expect(crossSiteWithCookie(req("POST", { origin: "http://studio.test" }), "session", undefined)).toBe(false);
    expect(crossSiteWithCookie(req("GET", { origin: "https://evil.test" }), "session", undefined)).toBe(false);
    expect(crossSiteWithCookie(req("DELETE", { origin: "https://evil.test" }), "token", undefined)).toBe(false);
    expect(crossSiteWithCookie(req("POST", {}), "session", undefined)).toBe(false);
  });
});
