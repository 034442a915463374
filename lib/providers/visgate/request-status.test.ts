import { describe, expect, it } from "vitest";
import { requestIdOf, updateFrom } from "./request-status";

describe("Visgate answers as updates", () => {
  it("reads a bare VideoResult (a synchronous reply) as the finished video", () => {
    const body = { id: "r1", video_url: "https://v3b.fal.media/files/x.mp4", model: "fal-ai/veo3", provider: "fal", cost: 0.4, cache_hit: false, latency_ms: 9000 };
    expect(requestIdOf(body)).toBe("r1");
    expect(updateFrom(body)).toMatchObject({
      status: "succeeded",
      outputUrl: "https://v3b.fal.media/files/x.mp4",
      cost: { usd: 0.4 },
      report: { servedBy: "fal", servedModel: "fal-ai/veo3", cacheHit: false, latencyMs: 9000 },
    });
  });

  it("maps both spellings of the waiting states and keeps unknown ones running", () => {
    expect(updateFrom({ request_id: "r", status: "pending" }).status).toBe("queued");
    expect(updateFrom({ request_id: "r", status: "accepted" }).status).toBe("queued");
    expect(updateFrom({ id: "r", status: "processing" }).status).toBe("running");
    expect(updateFrom({ id: "r", status: "uploading" }).status).toBe("running");
  });

  it("fails a completed request that gives no video address", () => {
    expect(updateFrom({ request_id: "r", status: "completed" })).toMatchObject({ status: "failed", errorCode: "provider_error" });
  });

  it("prefers request_id over id, as the SDK does", () => {
    expect(requestIdOf({ request_id: "a", id: "b" })).toBe("a");
    expect(requestIdOf({ status: "pending" })).toBeNull();
  });
});
