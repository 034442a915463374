import { afterEach, describe, expect, it, vi } from "vitest";
import { tempDataDir } from "../../e2e/support/test-db";
import { resetEnvCache } from "../env";
import { formatLine, logger, setLogSink, type LogLevel } from "./logger";

afterEach(() => {
  setLogSink(null);
  vi.unstubAllEnvs();
  resetEnvCache();
});

function capture(format: string): { level: LogLevel; line: string }[] {
  vi.stubEnv("DATA_DIR", tempDataDir());
  vi.stubEnv("LOG_FORMAT", format);
  resetEnvCache();
  const lines: { level: LogLevel; line: string }[] = [];
  setLogSink({ write: (level, line) => lines.push({ level, line }) });
  return lines;
}

describe("logger", () => {
  it("writes one JSON object per line with LOG_FORMAT=json, errors included", () => {
    const lines = capture("json");
    logger("worker").error("poll failed", { jobId: "j1", err: new Error("boom", { cause: new Error("socket hang up") }) });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe("error");
    const entry = JSON.parse(lines[0]!.line) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "error", scope: "worker", msg: "poll failed", jobId: "j1" });
    expect(entry.err).toMatchObject({ name: "Error", message: "boom", cause: { message: "socket hang up" } });
    expect(String((entry.err as { stack: string }).stack)).toContain("boom");
    expect(Number.isNaN(Date.parse(String(entry.time)))).toBe(false);
  });

  it("writes readable text by default, starting with the scope", () => {
    const lines = capture("");
    logger("worker").info("running", { dataDir: "/d", pid: 7 });
    expect(lines).toEqual([{ level: "info", line: "[worker] running dataDir=/d pid=7" }]);
  });

  it("does not let a field overwrite the line's own keys", () => {
    const entry = JSON.parse(formatLine("json", "warn", "webhook", "m", { level: "x", msg: "y", extra: 1 })) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "warn", msg: "m", extra: 1 });
  });
});
