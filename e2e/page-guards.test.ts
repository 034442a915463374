/**
 * Pages cannot be framed by another site (the share embed player excepted), and a server action
 * posted from another site's page is refused with 403, not a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJob } from "../lib/db/queries/jobs";
import { createShareLink } from "../lib/share/share-links";
import { seedJobWithFiles } from "./pw/seed";
import { startApp, type App } from "./support/app-server";
import { actionFields, postForm } from "./support/form-post";
import { withDb } from "./support/test-db";

let app: App;
let token: string;
let jobId: string;

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "off" } });
  jobId = (await seedJobWithFiles(app.dataDir, app.userId)).id;
  token = await withDb(app.dataDir, async (db) => (await createShareLink(db, (await getJob(db, jobId))!, null))!.token);
});
afterAll(async () => {
  await app?.stop();
});

describe("framing", () => {
  it("every page refuses to be framed, except the share embed", async () => {
    const denied = ["/", "/sign-in", "/sign-up", "/gallery", `/jobs/${jobId}`, "/settings", `/s/${token}`, "/api/jobs", "/no-such-page"];
    for (const path of denied) {
      const res = await fetch(app.url + path, { headers: app.auth, redirect: "manual" });
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
    const embed = await fetch(`${app.url}/s/${token}/embed`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(embed.headers.get("content-security-policy")).toBe("frame-ancestors *");
  });
});

describe("server actions from another site", () => {
  it("answers 403 to a form posted with a foreign Origin, as with JavaScript and without", async () => {
    const fields = await actionFields(app.url, "/sign-in");
    const form = { ...fields, email: "a@example.com", password: "whatever1" };
    const foreign = await postForm(app.url, "/sign-in", form, { headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    const fetchAction = await fetch(`${app.url}/sign-in`, {
      method: "POST",
      headers: { origin: "https://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(fetchAction.status).toBe(403);
    // Our own origin still reaches the action (a wrong password, not a refusal).
    const own = await postForm(app.url, "/sign-in", form);
    expect(own.status).toBe(200);
    expect(own.body).toContain("do not match");
  });
});
