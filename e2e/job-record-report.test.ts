import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JobRecord, type RecordModel } from "../components/gallery/job-record";
import type { JobJson } from "../lib/jobs/serialize";

const model: RecordModel = {
  label: "Veo 3 (via fal)",
  providerLabel: "Visgate",
  pricePerSecondUsd: 0.4,
  price: { kind: "per_second", usd: 0.4 },
  priceReadOn: "2026-12-01",
  typicalLatencySeconds: 120,
  engine: "ai",
};

function job(providerReport: JobJson["providerReport"]): JobJson {
  const at = "2026-12-01T10:00:00.000Z";
  return {
    id: "job_1",
    model: "visgate:fal-ai/veo3",
    modelLabel: "Veo 3 (via fal)",
    provider: "visgate",
    status: "succeeded",
    progress: 1,
    etaSeconds: null,
    waitingReason: null,
    fallback: true,
    attempts: [],
    routeStory: null,
    providerReport,
    error: null,
    video: null,
    prompt: "waves on a beach",
    negativePrompt: null,
    aspectRatio: "16:9",
    durationSeconds: 8,
    resolution: "720p",
    fps: 24,
    seed: null,
    options: null,
    imageUrl: null,
    parentId: null,
    generationId: null,
    projectId: null,
    favorite: false,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    completedAt: at,
  };
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&apos;/g, "'").replace(/\s+/g, " ");

describe("the job page's record of what served a job", () => {
  it("says which upstream and model served it and what the provider charged", () => {
    const html = text(renderToStaticMarkup(createElement(JobRecord, { job: job({ servedBy: "fal", servedModel: "fal-ai/veo3", costUsd: 0.4, cacheHit: false }), model })));
    expect(html).toContain("Served by fal · fal-ai/veo3 · $0.40");
    expect(html).not.toContain("cache");
  });

  it("notes a result served from the gateway's cache", () => {
    const html = text(renderToStaticMarkup(createElement(JobRecord, { job: job({ servedBy: "fal", servedModel: "fal-ai/kling", costUsd: 0, cacheHit: true }), model })));
    expect(html).toContain("Served by fal · fal-ai/kling · $0.00");
    expect(html).toContain("Served from Visgate's cache");
  });

  it("shows nothing of the kind when the provider reported nothing", () => {
    expect(text(renderToStaticMarkup(createElement(JobRecord, { job: job(null), model })))).not.toContain("Served");
  });
});
