import { describe, expect, it } from "vitest";
import { bareBase64, dataUri, imageModeUnavailable, needsPublicUrlMessage, requireImageUrl } from "./image";

const image = { bytes: Buffer.from([1, 2, 3]), mime: "image/png" as const };

describe("image input ways", () => {
  it("inlines as a data URI or bare base64", () => {
    expect(dataUri(image)).toBe("data:image/png;base64,AQID");
    expect(bareBase64(image)).toBe("AQID");
  });

  it("takes the signed URL, and refuses clearly without one", () => {
    expect(requireImageUrl({ webhookUrl: null, image, imageUrl: "https://studio.example/api/inputs/j/1/s" }, "AI.ML")).toBe("https://studio.example/api/inputs/j/1/s");
    expect(() => requireImageUrl({ webhookUrl: null, image }, "AI.ML")).toThrow(needsPublicUrlMessage("AI.ML"));
    expect(() => requireImageUrl({ webhookUrl: null, image, imageUrl: null }, "AI.ML")).toThrow(/PUBLIC_URL/);
  });

  it("turns image mode off only for URL-only models on an instance without PUBLIC_URL", () => {
    const urlOnly = { imageInput: "url" as const, modes: ["text", "image"] as const };
    expect(imageModeUnavailable(urlOnly, undefined)).toBe("needs PUBLIC_URL so the provider can fetch your image");
    expect(imageModeUnavailable(urlOnly, "https://studio.example")).toBeNull();
    expect(imageModeUnavailable({ imageInput: "inline", modes: ["text", "image"] }, undefined)).toBeNull();
    expect(imageModeUnavailable({ modes: ["text", "image"] }, undefined)).toBeNull();
    expect(imageModeUnavailable({ imageInput: "url", modes: ["text"] }, undefined)).toBeNull();
  });
});
