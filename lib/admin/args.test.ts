import { describe, expect, it } from "vitest";
import { parseArgs, parseDuration, table, UsageError } from "./args";

describe("admin arguments", () => {
  it("splits the command, its arguments, flags and options", () => {
    const p = parseArgs(["create-user", "a@b.test", "--name", "Ann Lee", "--owner", "--password-stdin"]);
    expect(p.command).toBe("create-user");
    expect(p.args).toEqual(["a@b.test"]);
    expect([...p.flags]).toEqual(["owner", "password-stdin"]);
    expect(p.options.get("name")).toBe("Ann Lee");
    expect(parseArgs(["fail-job", "j1", "--reason=stuck at the provider"]).options.get("reason")).toBe("stuck at the provider");
    expect(() => parseArgs(["mint-token", "a@b.test", "--name"])).toThrow(UsageError);
  });

  it("reads durations", () => {
    expect(parseDuration("30m")).toBe(1_800_000);
    expect(parseDuration("2h")).toBe(7_200_000);
    expect(() => parseDuration("soon")).toThrow(/not a duration/);
  });

  it("aligns columns", () => {
    expect(table(["a", "bb"], [["xxx", "y"]])).toBe("a    bb\nxxx  y");
  });
});
