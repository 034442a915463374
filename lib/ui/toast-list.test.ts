import { describe, expect, it } from "vitest";
import { coalesce, type Toast } from "./toast-list";

const ready = (n: number) => `${n} videos ready`;

describe("coalesce", () => {
  it("adds a toast without a group as its own", () => {
    const one = coalesce([], { message: "Saved." }, 1, 5000);
    const two = coalesce(one.list, { message: "Saved." }, 2, 5000);
    expect(two.list.map((t) => t.id)).toEqual([1, 2]);
  });

  it("turns a second toast of a group into the first one's summary, with the newest action and a fresh life", () => {
    let list: Toast[] = coalesce([], { message: "Other" }, 1, 5000).list;
    list = coalesce(list, { message: "Your video is ready: a", group: { key: "ready", summary: ready }, action: { label: "Play", href: "/a" } }, 2, 5000).list;
    list = list.map((t) => ({ ...t, remainingMs: 100 }));
    const merged = coalesce(list, { message: "Your video is ready: b", group: { key: "ready", summary: ready }, action: { label: "Play", href: "/b" } }, 3, 5000);
    expect(merged.id).toBe(2);
    expect(merged.list).toHaveLength(2);
    expect(merged.list[1]).toMatchObject({ id: 2, message: "2 videos ready", count: 2, remainingMs: 5000, action: { href: "/b" } });
    const third = coalesce(merged.list, { message: "c", group: { key: "ready", summary: ready } }, 4, 5000);
    expect(third.list[1]?.message).toBe("3 videos ready");
  });

  it("keeps groups apart", () => {
    const a = coalesce([], { message: "ready", group: { key: "ready", summary: ready } }, 1, 5000);
    const b = coalesce(a.list, { message: "failed", group: { key: "failed", summary: (n) => `${n} failed` } }, 2, 5000);
    expect(b.list.map((t) => t.message)).toEqual(["ready", "failed"]);
  });
});
