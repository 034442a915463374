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

describe("sort", () => {
  it("keeps only the oldest-first order in the URL and the API query; newest is the default and leaves no trace", () => {
    expect(parseJobFilters({ sort: "oldest", favorite: "1" })).toEqual({ sort: "oldest", favorite: true });
    expect(parseJobFilters({ sort: "newest" })).toEqual({});
    expect(parseJobFilters({ sort: "sideways" })).toEqual({});
    expect(parseJobFilters(new URLSearchParams(filtersToSearch({ sort: "oldest", q: "owl" }).slice(1)))).toEqual({ sort: "oldest", q: "owl" });
    expect(filtersToApiParams({ sort: "oldest" }, { limit: 30 }).get("sort")).toBe("oldest");
    expect(filtersToApiParams({}, { limit: 30 }).has("sort")).toBe(false);
    expect(filtersToListOptions({ sort: "oldest" }).sort).toBe("oldest");
    expect(hasFilters({ sort: "oldest" }), "an order is not a filter: no 'no matches' state").toBe(false);
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
