import { describe, expect, it } from "vitest";
import { SAFETY_MESSAGE } from "../kit/errors";
import { falQueue } from "./client";
import { webhookFailure } from "./errors";

const item = (type: string, msg = "bad", loc = ["body", "prompt"]) => ({ loc, msg, type });
const classify = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  falQueue.failure(new Response(body === null ? null : typeof body === "string" ? body : JSON.stringify(body), { status, headers }), "request to create a video");

describe("fal's errors: the kit table with fal's overrides", () => {
  it("branches on the detail type for safety refusals", async () => {
    for (const type of ["content_policy_violation", "safety_check_failed", "nsfw_content_detected"]) {
      expect(await classify(422, { detail: [item(type)] })).toMatchObject({ code: "content_policy", retryable: false, message: SAFETY_MESSAGE });
    }
  });

  it("joins validation messages with their field", async () => {
    const f = await classify(422, { detail: [item("literal_error", "Input should be '5' or '10'", ["body", "duration"]), item("missing", "Field required")] });
    expect(f).toMatchObject({ code: "invalid_input", retryable: false });
    expect(f.message).toBe("fal refused the request to create a video: duration: Input should be '5' or '10'; prompt: Field required");
  });

  it("accepts a plain-string detail", async () => {
    expect(await classify(400, { detail: "Image too large" })).toMatchObject({
      code: "invalid_input",
      message: "fal refused the request to create a video: Image too large",
    });
  });

  it("maps rate limits, keys, payments and infrastructure errors", async () => {
    expect(await classify(429, null, { "retry-after": "3" })).toMatchObject({ code: "rate_limited", retryable: true, retryAfterSeconds: 3 });
    const auth = await classify(401, { detail: "Unauthorized" });
    expect(auth).toMatchObject({ code: "provider_error", retryable: false });
    expect(auth.message).toContain("FAL_KEY");
    expect(await classify(402, null)).toMatchObject({ code: "quota_exhausted", retryable: false });
    expect(await classify(403, { detail: "User is locked. Reason: Exhausted balance." })).toMatchObject({ code: "quota_exhausted" });
    expect(await classify(504, { detail: "Timed out", error_type: "request_timeout" })).toMatchObject({ code: "timeout", retryable: true });
    expect(await classify(503, null, { "x-fal-error-type": "runner_scheduling_failure" })).toMatchObject({ code: "provider_error", retryable: true });
    expect(await classify(500, "<html>oops</html>")).toMatchObject({ code: "provider_error", retryable: true });
    expect(await classify(500, { detail: "no" }, { "x-fal-retryable": "false" })).toMatchObject({ code: "provider_error", retryable: false });
  });

  it("reads webhook ERRORs by the status in their error text, or as a plain failure", () => {
    expect(webhookFailure("Invalid status code: 422", { detail: [item("content_policy_violation")] })).toMatchObject({ code: "content_policy" });
    expect(webhookFailure("Invalid status code: 422", { detail: [item("literal_error", "too long", ["body", "duration"])] })).toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("duration: too long"),
    });
    expect(webhookFailure("Something broke", null)).toMatchObject({ code: "provider_error", retryable: false, message: "fal reported a failure (Something broke)." });
  });
});
