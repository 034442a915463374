import { describe, expect, it } from "vitest";
import { ordinal, queueLine, queueSummary } from "./queue-view";

const job = (id: string, status: string, createdAt: string, progress = 0) =>
  ({ id, status, progress, createdAt, submittedAt: null, waitingReason: null, providerReport: null }) as Parameters<typeof queueLine>[0];

const now = Date.parse("2026-12-02T10:01:05Z");

describe("queue view", () => {
  it("counts rendering and queued jobs", () => {
    expect(queueSummary([job("a", "running", ""), job("b", "saving", ""), job("c", "submitted", ""), job("d", "queued", "")])).toBe("3 rendering · 1 queued");
    expect(queueSummary([job("d", "queued", "")])).toBe("1 queued");
    expect(queueSummary([])).toBe("");
  });

  it("places a queued job in line by age and never shows progress for it", () => {
    const all = [job("new", "queued", "2026-12-02T10:00:30Z"), job("old", "queued", "2026-12-02T10:00:00Z"), job("r", "running", "2026-12-02T09:59:00Z", 0.5)];
    const line = queueLine(all[0]!, all, now, 60, "Fal");
    expect(line.state).toBe("Queued · 2nd in line");
    expect(line.state).not.toMatch(/%/);
    expect(line.elapsed).toBe("35 s elapsed · usually ~1 min");
  });

  it("shows a percentage only when the provider reported one, naming the source", () => {
    const reported = queueLine(job("r", "running", "2026-12-02T10:00:00Z", 0.4), [], now, null, "Fal");
    expect(reported).toMatchObject({ state: "Generating 40 %", source: "As reported by Fal." });
    const silent = queueLine(job("r", "running", "2026-12-02T10:00:00Z", 0), [], now, null, "Fal");
    expect(silent.state).toBe("Generating");
    expect(silent.source).toMatch(/no progress figure/);
  });

  it("writes ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "103rd"]);
  });
});
