import { describe, expect, it } from "vitest";
import type { JobJson } from "./serialize";
import { feedOrder, groupTakes } from "./group-takes";

const job = (id: string, generationId: string | null, createdAt: string) => ({ id, generationId, createdAt }) as JobJson;

describe("groupTakes", () => {
  it("puts a generation's takes in one entry where its newest job is, oldest take first", () => {
    const items = [job("c", null, "2026-12-02T00:00:03.000Z"), job("b2", "g", "2026-12-02T00:00:02.001Z"), job("b1", "g", "2026-12-02T00:00:02.000Z"), job("a", "h", "2026-12-02T00:00:01.000Z")];
    const entries = groupTakes(items);
    expect(entries.map((e) => (e.kind === "job" ? e.job.id : e.jobs.map((j) => j.id).join("+")))).toEqual(["c", "b1+b2", "a"]);
    expect(feedOrder(entries).map((j) => j.id)).toEqual(["c", "b1", "b2", "a"]);
  });
});
