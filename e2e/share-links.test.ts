/** /s/<token>: the public page, its preview tags and its token-scoped media; revoked, expired and unknown tokens all 404. */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, openDb, type Db } from "../lib/db/client";
import { getJob } from "../lib/db/queries/jobs";
import { setShareLinkExpiry } from "../lib/db/queries/share-links";
import type { Job } from "../lib/db/schema";
import { createShareLink, revokeShareLink } from "../lib/share/share-links";
import { seedJobWithFiles } from "./pw/seed";
import { startApp, type App } from "./support/app-server";
import { databaseTarget, insertUser } from "./support/test-db";

let app: App;
let db: Db;
let job: Job;
let video: Buffer;

/** A link-preview crawler: Next.js renders metadata into <head> for these before streaming the body. */
const CRAWLER = { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" };

beforeAll(async () => {
  app = await startApp();
  db = await openDb(databaseTarget(app.dataDir));
  const sharer = await insertUser(db, { id: "u-share", name: "Sharer", email: "sharer@example.com" });
  // A finished 2 s 320x180 video with its 640x360 poster, as a local render leaves them.
  const { id } = await seedJobWithFiles(app.dataDir, sharer.id, { prompt: "a lighthouse at dusk, slow dolly in" });
  job = (await getJob(db, id))!;
  video = fs.readFileSync(path.join(app.dataDir, job.videoKey!));
});
afterAll(async () => {
  if (db) await closeDb(db);
  await app?.stop();
});

const newToken = async () => (await createShareLink(db, job, null))!.token;

function meta(html: string, key: string): string | undefined {
  const re = new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, "\\$&")}" content="([^"]*)"`);
  return html.match(re)?.[1];
}

async function expectGone(token: string) {
  for (const p of [`/s/${token}`, `/s/${token}/video.mp4`, `/s/${token}/poster.jpg`]) {
    const res = await fetch(app.url + p, { headers: CRAWLER });
    expect(res.status, p).toBe(404);
    const body = await res.text();
    expect(body).not.toContain(job.prompt);
  }
}

describe("share page", () => {
  it("plays the video and previews with absolute OpenGraph and Twitter tags, noindex", async () => {
    const token = await newToken();
    const res = await fetch(`${app.url}/s/${token}`, { headers: CRAWLER });
    expect(res.status).toBe(200);
    const html = await res.text();
    const head = html.slice(0, html.indexOf("</head>"));
    expect(meta(head, "og:type")).toBe("video.other");
    expect(meta(head, "og:video")).toBe(`${app.url}/s/${token}/video.mp4`);
    expect(meta(head, "og:video:type")).toBe("video/mp4");
    expect(meta(head, "og:video:width")).toBe("320");
    expect(meta(head, "og:video:height")).toBe("180");
    expect(meta(head, "og:video:secure_url")).toBeUndefined();
    expect(meta(head, "og:image")).toBe(`${app.url}/s/${token}/poster.jpg`);
    expect(meta(head, "og:image:width")).toBe("640");
    expect(meta(head, "og:image:height")).toBe("360");
    expect(meta(head, "og:url")).toBe(`${app.url}/s/${token}`);
    expect(meta(head, "twitter:card")).toBe("summary_large_image");
    expect(meta(head, "twitter:image")).toBe(`${app.url}/s/${token}/poster.jpg`);
    expect(meta(head, "robots")).toBe("noindex, nofollow");
    expect(head).toContain("<title>a lighthouse at dusk, slow dolly in · Dailies</title>");
    expect(html).toMatch(new RegExp(`<video data-testid="player"[^>]*src="/s/${token}/video.mp4"`));
    expect(html).toContain(`poster="/s/${token}/poster.jpg"`);
    // The footer credits Dailies with a link back, and the page names the model that made the video.
    expect(html).toMatch(/<footer[^>]*>Made with(?:<!-- -->)? <a[^>]*href="\/"[^>]*>Dailies<\/a>/);
    expect(html).toMatch(/Made with <span[^>]*>Local preview \(no AI\)<\/span>/);
  });

  it("serves the video through the token with Range, no caching past revocation, and noindex", async () => {
    const token = await newToken();
    const url = `${app.url}/s/${token}/video.mp4`;
    const res = await fetch(url, { headers: { range: "bytes=100-1099" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("content-range")).toBe(`bytes 100-1099/${video.length}`);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("x-robots-tag")).toMatch(/noindex/);
    expect(Buffer.from(await res.arrayBuffer()).equals(video.subarray(100, 1100))).toBe(true);
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("accept-ranges")).toBe("bytes");
  });

  it("offers Download only when the owner allowed it, and the video route refuses ?download otherwise", async () => {
    const open = await newToken();
    const closed = (await createShareLink(db, job, null, Date.now(), false))!.token;
    expect(await (await fetch(`${app.url}/s/${open}`)).text()).toContain(`/s/${open}/video.mp4?download`);
    const closedPage = await (await fetch(`${app.url}/s/${closed}`)).text();
    expect(closedPage).toContain(`/s/${closed}/video.mp4`);
    expect(closedPage).not.toContain("?download");
    const allowed = await fetch(`${app.url}/s/${open}/video.mp4?download`, { headers: { range: "bytes=0-99" } });
    expect(allowed.status).toBe(206);
    expect(allowed.headers.get("content-disposition")).toMatch(/^attachment/);
    const refused = await fetch(`${app.url}/s/${closed}/video.mp4?download`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("The owner of this video has not allowed downloads from this link.");
    // Watching stays possible: the player streams without ?download.
    expect((await fetch(`${app.url}/s/${closed}/video.mp4`, { headers: { range: "bytes=0-99" } })).status).toBe(206);
  });

  it("serves the poster as a JPEG", async () => {
    const res = await fetch(`${app.url}/s/${await newToken()}/poster.jpg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("x-robots-tag")).toMatch(/noindex/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const info = await sharp(bytes).metadata();
    expect(info).toMatchObject({ format: "jpeg", width: 640, height: 360 });
    const again = await fetch(res.url, { headers: { "if-none-match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("stops page and media at once when the link is revoked", async () => {
    const token = await newToken();
    expect((await fetch(`${app.url}/s/${token}/video.mp4`, { headers: { range: "bytes=0-99" } })).status).toBe(206);
    expect(await revokeShareLink(db, token, job.userId!), "the owner's revoke takes").toBe(true);
    await expectGone(token);
  });

  it("stops page and media once the link has expired", async () => {
    const token = await newToken();
    await setShareLinkExpiry(db, token, Date.now() - 1);
    await expectGone(token);
  });

  it("answers an unknown or malformed token with the same plain 404", async () => {
    await expectGone("A".repeat(32));
    const res = await fetch(`${app.url}/s/${"A".repeat(32)}`);
    expect(await res.text()).toContain("This page does not exist, or the link was revoked or has expired.");
    expect((await fetch(`${app.url}/s/..%2f..%2fdailies.db/video.mp4`)).status).toBe(404);
  });
});
