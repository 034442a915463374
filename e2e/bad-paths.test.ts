/** A path segment with a broken %-escape answers 400 on every dynamic route, never 500. */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./support/api";
import { startApp, type App } from "./support/app-server";

let app: App;

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "off" } });
});
afterAll(async () => {
  await app?.stop();
});

/** Every folder under app/ named [param] or [...param]: each is a place a path is decoded into params. */
function dynamicRoutes(): string[] {
  return execFileSync("find", ["app", "-name", "[[]*"], { encoding: "utf8" }).trim().split("\n").sort();
}

const BROKEN = ["%", "%zz", "%E0%A4%A", "%C0%AF"];

/** For each dynamic route, requests that put a broken escape where its parameter goes. */
const CASES: Record<string, Array<{ method: string; path: (bad: string) => string }>> = {
  "app/(studio)/jobs/[id]": [{ method: "GET", path: (b) => `/jobs/${b}` }],
  "app/api/inputs/[jobId]": [{ method: "GET", path: (b) => `/api/inputs/${b}/9999999999/sig` }],
  "app/api/inputs/[jobId]/[expiry]": [{ method: "GET", path: (b) => `/api/inputs/job/${b}/sig` }],
  "app/api/inputs/[jobId]/[expiry]/[sig]": [{ method: "HEAD", path: (b) => `/api/inputs/job/9999999999/${b}` }],
  "app/api/jobs/[id]": [
    { method: "GET", path: (b) => `/api/jobs/${b}` },
    { method: "DELETE", path: (b) => `/api/jobs/${b}` },
    { method: "POST", path: (b) => `/api/jobs/${b}/cancel` },
    { method: "GET", path: (b) => `/api/jobs/${b}/last-frame` },
  ],
  "app/api/settings/providers/[provider]": [
    { method: "PUT", path: (b) => `/api/settings/providers/${b}` },
    { method: "POST", path: (b) => `/api/settings/providers/${b}/test` },
  ],
  "app/api/webhooks/[provider]": [{ method: "POST", path: (b) => `/api/webhooks/${b}` }],
  "app/api/webhooks/deliveries/[id]": [{ method: "POST", path: (b) => `/api/webhooks/deliveries/${b}/retry` }],
  "app/api/webhooks/endpoints/[id]": [{ method: "DELETE", path: (b) => `/api/webhooks/endpoints/${b}` }],
  "app/reset-password/[token]": [{ method: "GET", path: (b) => `/reset-password/${b}` }],
  "app/media/[...key]": [
    { method: "GET", path: (b) => `/media/${b}` },
    { method: "HEAD", path: (b) => `/media/videos/${b}.mp4` },
  ],
  "app/s/[token]": [
    { method: "GET", path: (b) => `/s/${b}` },
    { method: "GET", path: (b) => `/s/${b}/embed` },
    { method: "GET", path: (b) => `/s/${b}/video.mp4` },
    { method: "GET", path: (b) => `/s/${b}/poster.jpg` },
  ],
};

describe("broken %-escapes in dynamic segments", () => {
  it("covers every dynamic route in app/", () => {
    expect(dynamicRoutes()).toEqual(Object.keys(CASES).sort());
  });

  it("answers 400, not 500, signed in or not", async () => {
    const wrong: string[] = [];
    for (const cases of Object.values(CASES))
      for (const { method, path } of cases)
        for (const bad of BROKEN)
          for (const auth of [app.auth, {}]) {
            const res = await fetch(app.url + path(bad), { method, headers: auth });
            if (res.status !== 400) wrong.push(`${method} ${path(bad)} -> ${res.status}`);
          }
    expect(wrong).toEqual([]);
  });

  it("answers the API in its JSON error shape", async () => {
    const res = await api(app, "/api/jobs/%zz");
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: { code: "bad_request", message: "This address has a broken %-escape in it." } });
  });

  it("still serves well-formed escapes as before", async () => {
    expect((await api(app, "/api/jobs/%41bc")).status).toBe(404);
    expect((await fetch(`${app.url}/s/%41bc`)).status).toBe(404);
  });
});
