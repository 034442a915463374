import { describe, expect, it } from "vitest";
import { providerJobFor } from "../../../e2e/support/provider-job";
import { gatewayConfig } from "./config";
import { updateFromJob } from "./job-update";
import { specsFromModelList } from "./models";
import { submitBody } from "./request";
import { wireFrom } from "./wire";

const settings = (extra: Record<string, string> = {}) => gatewayConfig.parse({ GATEWAY_API_KEY: "k", GATEWAY_BASE_URL: "https://gw.example/", ...extra });
const [model] = specsFromModelList({ data: [{ id: "m", allowedParams: { duration_seconds: [4] } }] }, { imageInput: "url" })!;

describe("gateway settings", () => {
  it("defaults to the guide's models path and the [U] guesses for the rest", () => {
    const wire = wireFrom(settings());
    expect(wire).toMatchObject({
      baseUrl: "https://gw.example",
      auth: { header: "Authorization", scheme: "Bearer" },
      paths: { models: "/v1/models?modality=video", submit: "/v1/videos", status: "/v1/videos/{id}", cancel: undefined },
      imageInput: "url",
    });
    expect(wireFrom(settings({ GATEWAY_AUTH_SCHEME: "none" })).auth.scheme).toBe("");
  });

  it("refuses full URLs as paths, a status path without {id}, and unreadable GATEWAY_FIELDS, with a sentence", () => {
    const issues = (extra: Record<string, string>) => gatewayConfig.safeParse({ ...extra }).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ GATEWAY_SUBMIT_PATH: "https://evil.example/v1" })).toEqual(['GATEWAY_SUBMIT_PATH must be a path starting with "/" (not a full URL)']);
    expect(issues({ GATEWAY_STATUS_PATH: "/v1/videos" })).toEqual(["GATEWAY_STATUS_PATH must contain {id} where the job id goes"]);
    expect(issues({ GATEWAY_FIELDS: "{prompt:" })[0]).toMatch(/GATEWAY_FIELDS must be a JSON object/);
    expect(issues({ GATEWAY_FIELDS: '{"promt":"text"}' })[0]).toMatch(/unknown key "promt"/);
    expect(issues({ GATEWAY_AUTH_HEADER: "bad header" })[0]).toMatch(/HTTP header name/);
  });

  it("renames request and answer fields from GATEWAY_FIELDS, nested with dots", () => {
    const wire = wireFrom(settings({ GATEWAY_FIELDS: JSON.stringify({ prompt: "input.text", duration: "input.seconds", outputUrl: "output.video", status: "state" }) }));
    const job = providerJobFor(model, { prompt: "a kite" });
    expect(submitBody(job, { webhookUrl: null, image: null }, wire)).toEqual({
      model: "m",
      input: { text: "a kite", seconds: 4 },
      resolution: "720p",
      aspect_ratio: "16:9",
    });
    expect(updateFromJob({ state: "done", output: { video: "https://cdn.example/v.mp4" } }, wire)).toMatchObject({
      status: "succeeded",
      outputUrl: "https://cdn.example/v.mp4",
    });
  });
});

describe("gateway job answers", () => {
  const wire = wireFrom(settings());
  it("reads progress 0–100, infers the status from progress or result.url when none is given, and keeps an unknown one running", () => {
    expect(updateFromJob({ job_id: "j", progress: 40 }, wire)).toMatchObject({ status: "running", progress: 0.4 });
    expect(updateFromJob({ job_id: "j" }, wire)).toMatchObject({ status: "queued" });
    expect(updateFromJob({ result: { url: "https://storage.googleapis.com/b/v.mp4?sig=1" } }, wire)).toMatchObject({ status: "succeeded" });
    expect(updateFromJob({ status: "warming_up", progress: 5 }, wire)).toMatchObject({ status: "running" });
    expect(updateFromJob({ status: "succeeded", result: {} }, wire)).toMatchObject({ status: "running" });
  });

  it("maps failures: timeout, safety, upstream quota, anything else with its reason", () => {
    expect(updateFromJob({ status: "failed", error: "timeout" }, wire)).toMatchObject({ errorCode: "timeout" });
    expect(updateFromJob({ status: "failed", error: { code: "safety_refusal", message: "refused" } }, wire)).toMatchObject({ errorCode: "content_policy" });
    expect(updateFromJob({ status: "failed", error: "upstream_quota_exceeded" }, wire)).toMatchObject({ errorCode: "rate_limited" });
    const other = updateFromJob({ status: "failed", error: "boom", message: "GPU fell over" }, wire);
    expect(other).toMatchObject({ status: "failed", errorCode: "provider_error" });
    expect(other.message).toBe("The video gateway reported that the job failed: GPU fell over.");
  });
});
