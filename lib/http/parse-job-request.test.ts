import { describe, expect, it } from "vitest";
import { pickJobFields, readJobForm } from "./parse-job-request";

function form(entries: Array<[string, string | File]>): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("readJobForm", () => {
  it("turns decimal digits into numbers and leaves anything else as text for the schema to refuse", async () => {
    const read = await readJobForm(form([["durationSeconds", "5"], ["seed", "0x10"], ["fps", "24.0"], ["prompt", "42"], ["negativePrompt", ""]]));
    expect(read).toEqual({ ok: true, value: { fields: { durationSeconds: 5, seed: "0x10", fps: "24.0", prompt: "42" }, image: null } });
  });

  it("keeps the per-job fallback switch, from a form and from an object", async () => {
    expect(await readJobForm(form([["fallback", "off"]]))).toEqual({ ok: true, value: { fields: { fallback: "off" }, image: null } });
    expect(pickJobFields({ fallback: false, routes: ["x"] })).toEqual({ fallback: false });
  });

  it("reads a browser's empty, unnamed file part as no image", async () => {
    const read = await readJobForm(form([["image", new File([], "")]]));
    expect(read).toEqual({ ok: true, value: { fields: {}, image: null } });
  });

  it("reads the part a browser form sends for an empty file input as no image", async () => {
    const body = [
      "--b",
      'Content-Disposition: form-data; name="prompt"',
      "",
      "a fox",
      "--b",
      'Content-Disposition: form-data; name="image"; filename=""',
      "Content-Type: application/octet-stream",
      "",
      "",
      "--b--",
      "",
    ].join("\r\n");
    const parsed = await new Response(body, { headers: { "content-type": "multipart/form-data; boundary=b" } }).formData();
    expect(await readJobForm(parsed)).toEqual({ ok: true, value: { fields: { prompt: "a fox" }, image: null } });
  });

  it("refuses an empty named file, an image sent as text, and two images", async () => {
    const empty = await readJobForm(form([["image", new File([], "still.png", { type: "image/png" })]]));
    expect(empty).toMatchObject({ ok: false, error: { code: "validation", fields: { image: "The image file is empty." } } });
    const text = await readJobForm(form([["image", "still.png"]]));
    expect(text).toMatchObject({ ok: false, error: { code: "validation", fields: { image: "Upload the image as a file." } } });
    const two = await readJobForm(form([["image", new File(["a"], "a.png")], ["image", new File(["b"], "b.png")]]));
    expect(two).toMatchObject({ ok: false, error: { fields: { image: "Attach one image." } } });
  });

  it("reads a real file's bytes", async () => {
    const read = await readJobForm(form([["image", new File(["PNG"], "a.png")]]));
    expect(read.ok && read.value.image?.toString()).toBe("PNG");
  });
});
