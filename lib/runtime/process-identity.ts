/**
 * Who this process is, written so that another process of the same studio can later judge whether
 * it is gone: leases on jobs and claims on local renders carry it. The parts:
 * - instance: a random id kept in DATA_DIR/instance-id, the same for every process using that
 *   DATA_DIR and across restarts (a studio's processes can be told apart from another's on one database);
 * - kind: "embedded" (the worker inside the web server) or "worker" (`npm run worker`), for people reading a lease;
 * - host, boot and pid: where it ran, to tell a dead process from a live one on this machine;
 * - nonce: tells this process from an earlier one that had the same pid (pid 1 in a container).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "../env";

export type ProcessKind = "embedded" | "worker";

export interface ProcessIdentity {
  instance: string;
  kind: ProcessKind;
  host: string;
  boot: string;
  pid: number;
  nonce: string;
}

const PREFIX = "p1";
const SEP = "|";

/** This studio's stable id, created on first use (two processes starting at once agree: the first file wins). */
export function instanceId(): string {
  const file = path.join(env().DATA_DIR, "instance-id");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(9).toString("base64url"), { flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    return fs.readFileSync(file, "utf8").trim();
  }
}

function bootId(): string {
  try {
    return fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim().slice(0, 36) || "unknown";
  } catch {
    return "unknown";
  }
}

/** Host names go into a |-separated string: keep them to a safe alphabet. */
const clean = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 64) || "unknown";

// On globalThis: Next.js may load this module in several bundles of one process, which must agree on who "this process" is.
const holder = globalThis as typeof globalThis & { __dailiesProcessKind?: ProcessKind; __dailiesProcessNonce?: string };
const nonce = () => (holder.__dailiesProcessNonce ??= randomBytes(6).toString("hex"));

/** `npm run worker` says so at start; every other process with a worker is the web server's embedded one. */
export function declareProcessKind(kind: ProcessKind): void {
  holder.__dailiesProcessKind = kind;
}

export function thisProcess(): ProcessIdentity {
  const kind = holder.__dailiesProcessKind ?? "embedded";
  return { instance: instanceId(), kind, host: clean(os.hostname()), boot: bootId(), pid: process.pid, nonce: nonce() };
}

export function formatIdentity(p: ProcessIdentity): string {
  return [PREFIX, p.instance, p.kind, p.host, p.boot, String(p.pid), p.nonce].join(SEP);
}

/** null for anything this code did not write (an older lease format, a foreign value). */
export function parseIdentity(value: string): ProcessIdentity | null {
  const parts = value.split(SEP);
  if (parts.length !== 7 || parts[0] !== PREFIX) return null;
  const [, instance, kind, host, boot, pid, nonce] = parts as [string, string, string, string, string, string, string];
  if ((kind !== "embedded" && kind !== "worker") || !/^\d+$/.test(pid)) return null;
  return { instance, kind, host, boot, pid: Number(pid), nonce };
}

export function isThisProcess(p: ProcessIdentity): boolean {
  return p.pid === process.pid && p.nonce === nonce();
}

/**
 * True only when `other` has certainly exited: it ran on this machine and the machine has rebooted
 * since, or no process has its pid any more, or its pid is now this process's own (a restarted
 * container's pid 1). Anything else (another machine, a recreated container with a new host name, a
 * pid now used by someone else) is "maybe alive": its leases run out on their own.
 */
export function isCertainlyGone(other: ProcessIdentity, me: ProcessIdentity = thisProcess()): boolean {
  if (isThisProcess(other)) return false;
  if (other.host !== me.host) return false;
  if (other.boot !== "unknown" && me.boot !== "unknown" && other.boot !== me.boot) return true;
  if (other.pid === process.pid) return true;
  return !pidAlive(other.pid);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
