import { afterEach, describe, expect, it, vi } from "vitest";
import { toUpdate } from "./prediction";
import { progressFromLogs } from "./progress";

describe("toUpdate", () => {
  afterEach(() => vi.restoreAllMocks());

  it("maps Replicate's statuses", () => {
    expect(toUpdate({ id: "a", status: "starting" }, false).status).toBe("queued");
    expect(toUpdate({ id: "a", status: "processing", logs: "" }, false)).toMatchObject({ status: "running" });
    expect(toUpdate({ id: "a", status: "succeeded", output: "https://x/o.mp4" }, false)).toMatchObject({ status: "succeeded", outputUrl: "https://x/o.mp4" });
    expect(toUpdate({ id: "a", status: "succeeded", output: ["https://x/1.mp4", "https://x/2.mp4"] }, false).outputUrl).toBe("https://x/1.mp4");
    expect(toUpdate({ id: "a", status: "succeeded", output: null }, false)).toMatchObject({ status: "failed", errorCode: "provider_error" });
    expect(toUpdate({ id: "a", status: "aborted" }, false)).toMatchObject({ status: "failed", errorCode: "timeout" });
    expect(toUpdate({ id: "a", status: "canceled" }, true)).toEqual({ status: "canceled", raw: expect.anything() });
    expect(toUpdate({ id: "a", status: "canceled" }, false)).toMatchObject({ status: "canceled", errorCode: "canceled_by_provider" });
  });

  it("treats an unknown status as running and warns once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(toUpdate({ id: "a", status: "warming_up" }, false).status).toBe("running");
    expect(toUpdate({ id: "b", status: "warming_up" }, false).status).toBe("running");
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("keeps raw small: no data URIs, only the tail of the logs", () => {
    const update = toUpdate({ id: "a", status: "processing", input: { image: "data:image/png;base64,AAAA", prompt: "p" }, logs: "x".repeat(10_000) }, false);
    const raw = update.raw as { input: Record<string, unknown>; logs: string };
    expect(raw.input).toEqual({ image: "data:(omitted)", prompt: "p" });
    expect(raw.logs.length).toBe(2000);
  });
});

describe("progressFromLogs", () => {
  it("reads the last tqdm bar", () => {
    const logs = "Loading\n  0%|          | 0/10\n 40%|████      | 4/10 [00:04<00:06]\r 76%|███████▌  | 7568/10000";
    expect(progressFromLogs(logs)).toBeCloseTo(0.76);
    expect(progressFromLogs("100%|██████████| 10/10")).toBe(1);
    expect(progressFromLogs("no bars here")).toBeUndefined();
    expect(progressFromLogs(null)).toBeUndefined();
  });
});
