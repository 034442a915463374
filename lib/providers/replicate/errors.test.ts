import { describe, expect, it } from "vitest";
import { SAFETY_MESSAGE } from "../kit/errors";
import { replicate, retryAfterFromDetail } from "./client";
import { classifyPredictionError } from "./errors";

const problem = (detail: string) => JSON.stringify({ title: "t", detail, status: 0 });
const classify = (status: number, headers: Headers, body: string) => replicate.failure(new Response(body || null, { status, headers }), "create");

describe("Replicate's HTTP errors (kit table + Replicate's overrides)", () => {
  it("reads Retry-After from the header, else from Replicate's '~30s' sentence", async () => {
    const withHeader = await classify(429, new Headers({ "retry-after": "7" }), problem("resets in ~30s."));
    expect(withHeader).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 7 });
    const fromDetail = await classify(429, new Headers(), problem("Request was throttled. Your rate limit resets in ~30s."));
    expect(fromDetail.retryAfterSeconds).toBe(30);
    expect((await classify(429, new Headers(), "")).retryAfterSeconds).toBeNull();
    expect(retryAfterFromDetail(null)).toBeNull();
  });

  it("maps 402, 401/403, 400/422, 5xx", async () => {
    const quota = await classify(402, new Headers(), problem("insufficient credit"));
    expect(quota).toMatchObject({ code: "quota_exhausted", retryable: false });
    expect(quota.message).toMatch(/add credit/i);
    for (const s of [401, 403]) {
      expect(await classify(s, new Headers(), "")).toMatchObject({
        code: "provider_error",
        retryable: false,
        message: "Replicate rejected the API key: check REPLICATE_API_TOKEN.",
      });
    }
    const invalid = await classify(422, new Headers(), JSON.stringify({ detail: "prompt is required", invalid_fields: [{ field: "input.prompt" }] }));
    expect(invalid).toMatchObject({ code: "invalid_input", retryable: false });
    expect(invalid.message).toContain("prompt is required (fields: input.prompt)");
    expect((await classify(400, new Headers(), "not json")).message).toContain("not json");
    expect(await classify(503, new Headers(), "")).toMatchObject({ code: "provider_error", retryable: true, httpStatus: 503 });
  });
});

describe("classifyPredictionError", () => {
  it.each(["Output flagged as sensitive (E005)", "NSFW content detected", "Failed safety check", "violates our content policy"])(
    "treats %j as a safety refusal",
    (error) => {
      expect(classifyPredictionError(error)).toEqual({ errorCode: "content_policy", message: SAFETY_MESSAGE });
    },
  );

  it("keeps other errors as provider_error with the provider's text", () => {
    const r = classifyPredictionError("CUDA out of memory");
    expect(r.errorCode).toBe("provider_error");
    expect(r.message).toContain("CUDA out of memory");
    expect(classifyPredictionError(null).errorCode).toBe("provider_error");
  });
});
