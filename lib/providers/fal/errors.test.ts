import { describe, expect, it } from "vitest";
import { CONTENT_POLICY_MESSAGE, classifyFalFailure } from "./errors";

const item = (type: string, msg = "bad", loc = ["body", "prompt"]) => ({ loc, msg, type });

describe("classifyFalFailure", () => {
  it("branches on the detail type for safety refusals", () => {
    for (const type of ["content_policy_violation", "safety_check_failed", "nsfw_content_detected"]) {
      expect(classifyFalFailure({ httpStatus: 422, body: { detail: [item(type)] } })).toMatchObject({
        code: "content_policy",
        retryable: false,
        message: CONTENT_POLICY_MESSAGE,
      });
    }
  });

  it("joins validation messages with their field", () => {
    const f = classifyFalFailure({
      httpStatus: 422,
      body: { detail: [item("literal_error", "Input should be '5' or '10'", ["body", "duration"]), item("missing", "Field required")] },
    });
    expect(f).toMatchObject({ code: "invalid_input", retryable: false });
    expect(f.message).toBe("fal rejected the request: duration: Input should be '5' or '10'; prompt: Field required.");
  });

  it("accepts a plain-string detail", () => {
    expect(classifyFalFailure({ httpStatus: 400, body: { detail: "Image too large" } })).toMatchObject({
      code: "invalid_input",
      message: "fal rejected the request: Image too large.",
    });
  });

  it("maps rate limits, keys, payments and infrastructure errors", () => {
    expect(classifyFalFailure({ httpStatus: 429, body: null, retryAfter: "3" })).toMatchObject({
      code: "rate_limited",
      retryable: true,
      retryAfterSeconds: 3,
    });
    const auth = classifyFalFailure({ httpStatus: 401, body: { detail: "Unauthorized" } });
    expect(auth).toMatchObject({ code: "provider_error", retryable: false });
    expect(auth.message).toContain("FAL_KEY");
    expect(classifyFalFailure({ httpStatus: 402, body: null })).toMatchObject({ code: "quota_exhausted", retryable: false });
    expect(classifyFalFailure({ httpStatus: 403, body: { detail: "User is locked. Reason: Exhausted balance." } })).toMatchObject({
      code: "quota_exhausted",
    });
    expect(classifyFalFailure({ httpStatus: 504, body: { detail: "Timed out", error_type: "request_timeout" } })).toMatchObject({
      code: "timeout",
      retryable: true,
    });
    expect(classifyFalFailure({ httpStatus: 503, body: null, errorType: "runner_scheduling_failure" })).toMatchObject({
      code: "provider_error",
      retryable: true,
    });
    expect(classifyFalFailure({ httpStatus: 500, body: "<html>oops</html>" })).toMatchObject({ code: "provider_error", retryable: true });
  });

  it("reads webhook ERRORs that carry only the status in the error text", () => {
    expect(classifyFalFailure({ httpStatus: null, body: null, errorText: "Something broke" })).toMatchObject({
      code: "provider_error",
      retryable: false,
    });
  });
});
