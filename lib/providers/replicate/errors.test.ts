import { describe, expect, it } from "vitest";
import { classifyHttpError, classifyPredictionError, retryAfterFromDetail, SAFETY_MESSAGE } from "./errors";

const problem = (detail: string) => JSON.stringify({ title: "t", detail, status: 0 });

describe("classifyHttpError", () => {
  it("reads Retry-After from the header, else from Replicate's '~30s' sentence", () => {
    const withHeader = classifyHttpError(429, new Headers({ "retry-after": "7" }), problem("resets in ~30s."), "create");
    expect(withHeader).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 7 });
    const fromDetail = classifyHttpError(429, new Headers(), problem("Request was throttled. Your rate limit resets in ~30s."), "create");
    expect(fromDetail.retryAfterSeconds).toBe(30);
    expect(classifyHttpError(429, new Headers(), "", "create").retryAfterSeconds).toBeNull();
    expect(retryAfterFromDetail(null)).toBeNull();
  });

  it("maps 402, 401/403, 400/422, 5xx", () => {
    const quota = classifyHttpError(402, new Headers(), problem("insufficient credit"), "create");
    expect(quota).toMatchObject({ code: "quota_exhausted", retryable: false });
    expect(quota.message).toMatch(/add credit/i);
    for (const s of [401, 403]) {
      expect(classifyHttpError(s, new Headers(), "", "create")).toMatchObject({
        code: "provider_error",
        retryable: false,
        message: "Replicate rejected the API token — check REPLICATE_API_TOKEN.",
      });
    }
    const invalid = classifyHttpError(422, new Headers(), JSON.stringify({ detail: "prompt is required", invalid_fields: [{ field: "input.prompt" }] }), "create");
    expect(invalid).toMatchObject({ code: "invalid_input", retryable: false });
    expect(invalid.message).toContain("prompt is required (fields: input.prompt)");
    expect(classifyHttpError(400, new Headers(), "not json", "create").message).toContain("not json");
    expect(classifyHttpError(503, new Headers(), "", "create")).toMatchObject({ code: "provider_error", retryable: true, httpStatus: 503 });
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
