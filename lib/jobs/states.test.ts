import { describe, expect, it } from "vitest";
import { JOB_STATUSES } from "../db/schema";
import { canMove, isActive, isTerminal, sourcesFor, TRANSITIONS } from "./states";

describe("job state table", () => {
  it("never leaves a terminal state", () => {
    for (const s of ["succeeded", "failed", "canceled"] as const) {
      expect(isTerminal(s)).toBe(true);
      for (const to of JOB_STATUSES) expect(canMove(s, to)).toBe(false);
    }
  });

  it("only reaches succeeded through saving, so every success has a stored copy", () => {
    expect(sourcesFor("succeeded")).toEqual(["saving"]);
  });

  it("cannot cancel while saving (the provider already finished and billed)", () => {
    expect(canMove("saving", "canceled")).toBe(false);
    expect(canMove("saving", "failed")).toBe(true);
  });

  it("never moves backwards", () => {
    const order = ["queued", "submitted", "running", "saving", "succeeded"] as const;
    for (let i = 0; i < order.length; i++)
      for (let j = 0; j < i; j++) expect(canMove(order[i]!, order[j]!)).toBe(false);
  });

  it("accepts progress refreshes only for submitted and running", () => {
    expect(sourcesFor("running")).toEqual(["submitted", "running"]);
    expect(sourcesFor("saving")).toEqual(["submitted", "running"]);
    expect(sourcesFor("failed")).toEqual(["queued", "submitted", "running", "saving"]);
    expect(sourcesFor("queued")).toEqual([]);
  });

  it("counts every status as exactly one of active or terminal", () => {
    expect(JOB_STATUSES.filter(isActive)).toEqual(["queued", "submitted", "running", "saving"]);
    for (const s of JOB_STATUSES) expect(isActive(s)).toBe(!isTerminal(s));
  });

  it("lists every status", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...JOB_STATUSES].sort());
  });
});
