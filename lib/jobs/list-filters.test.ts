import { describe, expect, it } from "vitest";
import { filtersToApiParams, filtersToListOptions, filtersToSearch, hasFilters, MAX_SEARCH_LENGTH, parseJobFilters } from "./list-filters";

describe("parseJobFilters", () => {
  it("reads known filters and ignores the rest", () => {
    expect(parseJobFilters({ status: "active", model: "local:preview", favorite: "1", q: " boat ", page: "2" })).toEqual({
      status: "active",
      model: "local:preview",
      favorite: true,
      q: "boat",
    });
  });

  it("leaves out unset and invalid values so equal filters make equal cache keys", () => {
    expect(parseJobFilters({ status: "running", favorite: "no", q: "  " })).toEqual({});
    expect(parseJobFilters(new URLSearchParams("status=failed&status=succeeded"))).toEqual({ status: "failed" });
    expect(parseJobFilters({ status: ["canceled", "failed"] })).toEqual({ status: "canceled" });
  });

  it("cuts a search to what the JSON API accepts", () => {
    expect(parseJobFilters({ q: "x".repeat(MAX_SEARCH_LENGTH) }).q).toHaveLength(MAX_SEARCH_LENGTH);
    expect(parseJobFilters({ q: "y".repeat(MAX_SEARCH_LENGTH + 20) }).q).toHaveLength(MAX_SEARCH_LENGTH);
  });
});

describe("filtersToSearch", () => {
  it("round-trips through the page URL", () => {
    const f = { status: "succeeded", model: "replicate:google/veo-3.1-fast", favorite: true, q: "a & b" } as const;
    expect(parseJobFilters(new URLSearchParams(filtersToSearch(f).slice(1)))).toEqual(f);
    expect(filtersToSearch({})).toBe("");
  });
});

describe("API and list options", () => {
  it("maps In progress to every active state", () => {
    const p = filtersToApiParams({ status: "active", favorite: true }, { cursor: "abc", limit: 30 });
    expect(p.get("status")).toBe("queued,submitted,running,saving");
    expect(p.get("favorite")).toBe("true");
    expect(p.get("cursor")).toBe("abc");
    expect(p.get("limit")).toBe("30");
    expect(filtersToListOptions({ status: "active" }).status).toEqual(["queued", "submitted", "running", "saving"]);
    expect(filtersToListOptions({ status: "failed", q: "rain" })).toMatchObject({ status: ["failed"], search: "rain" });
  });

  it("knows when any filter is set", () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ favorite: true })).toBe(true);
  });
});
