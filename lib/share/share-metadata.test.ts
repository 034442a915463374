import { describe, expect, it } from "vitest";
import { shareMetadata } from "./share-metadata";

const job = { prompt: "a lighthouse at dusk, slow dolly in", videoWidth: 1280, videoHeight: 720, videoDurationSeconds: 5 };

describe("share metadata", () => {
  it("uses absolute URLs, noindex and the stored video size", () => {
    const m = shareMetadata({ origin: "http://studio.local:3000", token: "tok", job, modelLabel: "Local preview", poster: { width: 640, height: 360 } });
    expect(m.robots).toEqual({ index: false, follow: false });
    expect(m.openGraph).toMatchObject({
      type: "video.other",
      url: "http://studio.local:3000/s/tok",
      videos: [{ url: "http://studio.local:3000/s/tok/video.mp4", type: "video/mp4", width: 1280, height: 720 }],
      images: [{ url: "http://studio.local:3000/s/tok/poster.jpg", width: 640, height: 360 }],
    });
    expect(JSON.stringify(m.openGraph)).not.toContain("secureUrl");
    expect(m.twitter).toMatchObject({ card: "summary_large_image" });
  });

  it("adds secure URLs and a player card over https", () => {
    const m = shareMetadata({ origin: "https://dailies.example", token: "tok", job, modelLabel: "Local preview", poster: null });
    expect(m.openGraph).toMatchObject({ videos: [{ secureUrl: "https://dailies.example/s/tok/video.mp4" }] });
    expect(m.twitter).toMatchObject({
      card: "player",
      players: [{ playerUrl: "https://dailies.example/s/tok/embed", streamUrl: "https://dailies.example/s/tok/video.mp4", width: 1280, height: 720 }],
    });
  });

  it("titles the page with the start of the prompt", () => {
    const m = shareMetadata({ origin: "https://dailies.example", token: "tok", job: { ...job, prompt: "word ".repeat(40) }, modelLabel: "Local preview", poster: null });
    expect(String(m.title).length).toBeLessThanOrEqual(70);
    expect(m.description).toContain("A 5 s video made with Dailies (Local preview).");
  });
});
