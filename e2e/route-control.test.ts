import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { priceOf } from "../lib/models/route";
import { falModels } from "../lib/providers/fal/models";
import type { ModelOption, ProviderGroup } from "../lib/providers/catalog";
import { replicateModels } from "../lib/providers/replicate/models";
import type { ModelSpec } from "../lib/providers/types";
import { RouteControl } from "../components/composer/route-control";

const option = (spec: ModelSpec): ModelOption => ({ ...spec, family: spec.family ?? spec.id, price: priceOf(spec), imageUnavailable: null });
const group = (id: string, label: string, models: readonly ModelSpec[], available = true): ProviderGroup => ({ id, label, available, hint: "", models: models.map(option) });
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const settings = { mode: "text" as const, durationSeconds: 8, resolution: "720p", aspectRatio: "16:9", fps: 24 };
const veo = (models: readonly ModelSpec[]) => models.find((m) => m.family === "veo-3.1")!;

describe("RouteControl", () => {
  it("offers Best available, Fastest and each configured provider of the model, with price and wait", () => {
    const catalog = [group("replicate", "Replicate", replicateModels), group("fal", "fal", falModels)];
    const html = text(renderToStaticMarkup(createElement(RouteControl, { catalog, model: option(veo(replicateModels)), settings, onChange: () => undefined })));
    expect(html).toContain("Best available");
    expect(html).toContain("Fastest");
    expect(html).toContain("Replicate $3.20 · about 2 min");
    expect(html).toContain("fal $3.20 · about 2 min");
    // Its radios belong to no form: the composer sends only the model they chose.
    expect(renderToStaticMarkup(createElement(RouteControl, { catalog, model: option(veo(replicateModels)), settings, onChange: () => undefined }))).toContain('form="route-control"');
  });

  it("is not shown when only one configured provider sells the model", () => {
    const catalog = [group("replicate", "Replicate", replicateModels), group("fal", "fal", falModels, false)];
    expect(renderToStaticMarkup(createElement(RouteControl, { catalog, model: option(veo(replicateModels)), settings, onChange: () => undefined }))).toBe("");
  });
});
