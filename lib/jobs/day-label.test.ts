import { describe, expect, it } from "vitest";
import { dayLabel, dayOf } from "../../components/gallery/day-label";

describe("dayLabel", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  it("says Today and Yesterday, then the date; in UTC before hydration", () => {
    expect(dayLabel("2026-12-02T01:00:00Z", false, now)).toBe("Today");
    expect(dayLabel("2026-12-01T23:59:00Z", false, now)).toBe("Yesterday");
    expect(dayLabel("2026-11-20T10:00:00Z", false, now)).toBe("Nov 20, 2026");
  });
  it("puts two times of one UTC day under one header", () => {
    expect(dayOf("2026-12-02T00:00:01Z", false)).toBe(dayOf("2026-12-02T23:59:59Z", false));
  });
});
