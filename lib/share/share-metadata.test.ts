import { describe, expect, it } from "vitest";
import { promptStart, shareMetadata } from "./share-metadata";

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

  it("cuts long prompts at a word", () => {
    expect(promptStart("short")).toBe("short");
    const long = promptStart("word ".repeat(40), 30);
    expect(long.length).toBeLessThanOrEqual(30);
    expect(long.endsWith("word…")).toBe(true);
  });
});
