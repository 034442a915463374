/** When the optional "take finished" browser notification shows: asked for, allowed, and only for a hidden tab. */
import { describe, expect, it } from "vitest";
import { shouldNotify } from "../components/shell/take-notification";

describe("shouldNotify", () => {
  it("notifies only when turned on, permitted, and the tab is hidden", () => {
    expect(shouldNotify({ enabled: true, hidden: true, permission: "granted" })).toBe(true);
    expect(shouldNotify({ enabled: false, hidden: true, permission: "granted" }), "off by default").toBe(false);
    expect(shouldNotify({ enabled: true, hidden: false, permission: "granted" }), "a visible tab has the toast").toBe(false);
    expect(shouldNotify({ enabled: true, hidden: true, permission: "denied" })).toBe(false);
    expect(shouldNotify({ enabled: true, hidden: true, permission: "default" })).toBe(false);
    expect(shouldNotify({ enabled: true, hidden: true, permission: "unsupported" })).toBe(false);
  });
});
