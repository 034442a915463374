/**
 * The app's logger: `[scope] message` lines for people by default, one JSON object per line with
 * LOG_FORMAT=json for log collectors (time, level, scope, msg, and the fields given). Errors in
 * fields are written as their name, message and stack, since JSON.stringify drops them.
 */
import { env } from "../env";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Where lines go; tests swap it to read what was written. */
export interface LogSink {
  write(level: LogLevel, line: string): void;
}

const consoleSink: LogSink = {
  write(level, line) {
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  },
};

const holder = globalThis as typeof globalThis & { __dailiesLogSink?: LogSink };

export function setLogSink(sink: LogSink | null): void {
  holder.__dailiesLogSink = sink ?? undefined;
}

function format(): "json" | "text" {
  try {
    return env().LOG_FORMAT;
  } catch {
    // a broken configuration is being reported: say it readably
    return "text";
  }
}

/** Errors (and anything holding one) as plain data. */
function plain(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message, stack: value.stack };
    if ("code" in value && value.code !== undefined) out.code = value.code;
    if (value.cause !== undefined && depth < 3) out.cause = plain(value.cause, depth + 1);
    return out;
  }
  return value;
}

export function formatLine(kind: "json" | "text", level: LogLevel, scope: string, msg: string, fields: LogFields | undefined, now = new Date()): string {
  if (kind === "json") {
    const entry: Record<string, unknown> = { time: now.toISOString(), level, scope, msg };
    for (const [k, v] of Object.entries(fields ?? {})) if (!(k in entry)) entry[k] = plain(v);
    return JSON.stringify(entry);
  }
  const parts = [`[${scope}] ${msg}`];
  for (const [k, v] of Object.entries(fields ?? {})) {
    if (v instanceof Error) parts.push(v.stack ?? `${v.name}: ${v.message}`);
    else parts.push(`${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  }
  return parts.join(" ");
}

/** A logger whose lines carry `scope` ("worker", "webhook", "local"). */
export function logger(scope: string): Logger {
  const emit = (level: LogLevel) => (msg: string, fields?: LogFields) =>
    (holder.__dailiesLogSink ?? consoleSink).write(level, formatLine(format(), level, scope, msg, fields));
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}
