import "server-only";
import { listApiTokens } from "../auth/api-tokens";
import { ownerId, setSignupOpen, signupOpen } from "../auth/instance";
import type { Db } from "../db/client";
import { deleteApiTokenById, listAccounts } from "../db/queries/accounts";
import { getJob } from "../db/queries/jobs";
import { listStuckJobs, requeueStuckJob } from "../db/queries/stuck-jobs";
import { env } from "../env";
import type { Result } from "../errors";
import { transition } from "../jobs/apply-update";
import {
  accountByEmail,
  createAccount,
  deleteAccount,
  disableAccount,
  enableAccount,
  makeOwner,
  mintToken,
  passwordResetLink,
  setPassword,
} from "./accounts";
import { parseArgs, parseDuration, table, UsageError, type Parsed } from "./args";

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
  /** Everything on standard input (a password piped in). */
  readStdin(): Promise<string>;
}

export const USAGE = `Usage: npm run admin -- <command> [arguments]

People
  users [--json]                               everyone, with owner, disabled and job counts
  create-user <email> [--name <name>] [--password-stdin] [--owner]
                                               without --password-stdin, prints a link to set one
  reset-password <email> [--stdin]             prints a one-time link (24 h), or sets the password read from stdin
  disable <email>  |  enable <email>           a disabled person cannot sign in or use their tokens
  delete-user <email> --yes                    deletes them with their videos, files, tokens and webhooks
  make-owner <email>
  signup open|close|status                     whether new people may create accounts

API tokens
  tokens <email>                               their tokens (not the secrets)
  mint-token <email> [--name <name>]           prints a new token, once
  revoke-token <token-id>

Jobs
  stuck-jobs [--quiet-for 30m] [--json]        unfinished jobs unchanged that long, or past their deadline
  requeue <job-id>...                          hands them back to the worker now (never submits twice)
  fail-job <job-id>... [--reason <sentence>]   ends them as failed

Backups
  backup <dir>                                 a consistent copy of the database and stored files, while the server runs
  restore <dir>                                into this DATA_DIR (empty), after checking every checksum`;

type Command = (db: Db, p: Parsed, io: AdminIo) => Promise<number>;
type OfflineCommand = (p: Parsed, io: AdminIo) => Promise<number>;

const OFFLINE: Record<string, OfflineCommand> = {};

const ts = (d: Date | number | null) => (d === null ? "-" : new Date(d).toISOString().replace("T", " ").slice(0, 16));
const origin = () => env().PUBLIC_URL ?? `http://localhost:${env().PORT}`;

function need(p: Parsed, n: number, what: string): string[] {
  if (p.args.length < n) throw new UsageError(`${p.command} needs ${what}.`);
  return p.args;
}

/** Prints a failure's sentence; 1 for failures. */
function report<T>(io: AdminIo, r: Result<T>, ok: (v: T) => string): number {
  if (!r.ok) {
    io.err(r.error.message);
    return 1;
  }
  io.out(ok(r.value));
  return 0;
}

async function person(db: Db, email: string, io: AdminIo): Promise<{ id: string; email: string; name: string } | null> {
  const found = await accountByEmail(db, email);
  if (found.ok) return found.value;
  io.err(found.error.message);
  return null;
}

/** The password on stdin: one line, its newline dropped. */
async function stdinPassword(io: AdminIo): Promise<string> {
  return (await io.readStdin()).replace(/\r?\n$/, "");
}

const COMMANDS: Record<string, Command> = {
  async users(db, p, io) {
    const [rows, owner] = await Promise.all([listAccounts(db), ownerId(db)]);
    if (p.flags.has("json")) {
      io.out(JSON.stringify(rows.map((r) => ({ ...r, owner: r.id === owner, createdAt: r.createdAt.toISOString() })), null, 2));
      return 0;
    }
    if (!rows.length) return io.out("No accounts yet."), 0;
    io.out(table(["email", "name", "role", "jobs", "created", "id"], rows.map((r) => [r.email, r.name, r.id === owner ? "owner" : r.disabled ? "disabled" : "member", String(r.jobs), ts(r.createdAt), r.id])));
    return 0;
  },

  async "create-user"(db, p, io) {
    const [email] = need(p, 1, "an email address");
    const password = p.flags.has("password-stdin") ? await stdinPassword(io) : undefined;
    const created = await createAccount(db, { email: email!, name: p.options.get("name"), password });
    if (!created.ok) return report(io, created, () => "");
    if (p.flags.has("owner")) {
      const made = await makeOwner(db, created.value.id);
      if (!made.ok) return report(io, made, () => "");
    }
    const role = (await ownerId(db)) === created.value.id ? " (the owner)" : "";
    io.out(`Created ${created.value.email}${role}.`);
    if (password === undefined) {
      const link = await passwordResetLink(db, created.value.id, origin());
      io.out(`They set their password at (once, within 24 hours):\n${link.url}`);
    }
    return 0;
  },

  async "reset-password"(db, p, io) {
    const [email] = need(p, 1, "an email address");
    const who = await person(db, email!, io);
    if (!who) return 1;
    if (p.flags.has("stdin")) return report(io, await setPassword(db, who.id, await stdinPassword(io)), () => `Password of ${who.email} changed; they are signed out everywhere.`);
    const link = await passwordResetLink(db, who.id, origin());
    io.out(`One-time link for ${who.email} (valid for 24 hours, once):\n${link.url}`);
    return 0;
  },

  async disable(db, p, io) {
    const who = await person(db, need(p, 1, "an email address")[0]!, io);
    if (!who) return 1;
    return report(io, await disableAccount(db, who.id), () => `${who.email} is disabled and signed out everywhere.`);
  },

  async enable(db, p, io) {
    const who = await person(db, need(p, 1, "an email address")[0]!, io);
    if (!who) return 1;
    return report(io, await enableAccount(db, who.id), () => `${who.email} can sign in again.`);
  },

  async "delete-user"(db, p, io) {
    const who = await person(db, need(p, 1, "an email address")[0]!, io);
    if (!who) return 1;
    if (!p.flags.has("yes")) {
      io.err(`This deletes ${who.email} with all their videos and files. Run it again with --yes to do it.`);
      return 2;
    }
    return report(io, await deleteAccount(db, who.id), (r) => `Deleted ${who.email} and ${r.jobs} ${r.jobs === 1 ? "job" : "jobs"} with their files.`);
  },

  async "make-owner"(db, p, io) {
    const who = await person(db, need(p, 1, "an email address")[0]!, io);
    if (!who) return 1;
    return report(io, await makeOwner(db, who.id), () => `${who.email} is now the owner.`);
  },

  async signup(db, p, io) {
    const [what] = need(p, 1, "open, close or status");
    if (what === "open" || what === "close") await setSignupOpen(db, what === "open");
    else if (what !== "status") throw new UsageError("signup takes open, close or status.");
    const s = await signupOpen(db);
    io.out(s.open ? `Sign-up is open${s.byEnv ? " (ALLOW_SIGNUP=true in the environment)" : ""}.` : "Sign-up is closed: only the owner can add people.");
    if (what === "close" && s.byEnv) io.err("ALLOW_SIGNUP=true keeps it open until it is unset.");
    return 0;
  },

  async tokens(db, p, io) {
    const who = await person(db, need(p, 1, "an email address")[0]!, io);
    if (!who) return 1;
    const rows = await listApiTokens(db, who.id);
    if (!rows.length) return io.out(`${who.email} has no API tokens.`), 0;
    io.out(table(["id", "name", "starts", "created", "last used"], rows.map((t) => [t.id, t.name, `${t.prefix}…`, ts(t.createdAt), ts(t.lastUsedAt)])));
    return 0;
  },

  async "mint-token"(db, p, io) {
    const who = await person(db, need(p, 1, "an email address")[0]!, io);
    if (!who) return 1;
    const name = (p.options.get("name") ?? "admin").trim().slice(0, 60) || "admin";
    const { token, id } = await mintToken(db, who.id, name);
    io.err(`API token "${name}" (${id}) for ${who.email}; it is shown only now:`);
    io.out(token);
    return 0;
  },

  async "revoke-token"(db, p, io) {
    const [id] = need(p, 1, "a token id (see `tokens <email>`)");
    if (!(await deleteApiTokenById(db, id!))) return io.err(`There is no token ${id}.`), 1;
    io.out(`Token ${id} revoked.`);
    return 0;
  },

  async "stuck-jobs"(db, p, io) {
    const quietMs = parseDuration(p.options.get("quiet-for") ?? "30m");
    const now = Date.now();
    const jobs = await listStuckJobs(db, now, quietMs, 5 * 60_000);
    if (p.flags.has("json")) {
      io.out(JSON.stringify(jobs.map((j) => ({ id: j.id, userId: j.userId, model: j.model, status: j.status, updatedAt: new Date(j.updatedAt).toISOString(), deadlineAt: new Date(j.deadlineAt).toISOString(), leaseOwner: j.leaseOwner })), null, 2));
      return 0;
    }
    if (!jobs.length) return io.out("No stuck jobs."), 0;
    io.out(
      table(
        ["id", "status", "model", "unchanged for", "deadline", "lease"],
        jobs.map((j) => [j.id, j.status, j.model, `${Math.round((now - j.updatedAt) / 60_000)} min`, j.deadlineAt < now ? "passed" : ts(j.deadlineAt), j.leaseOwner && (j.leaseUntil ?? 0) > now ? j.leaseOwner : "-"]),
      ),
    );
    io.out("Requeue with `requeue <id>` (the worker looks again now), or end with `fail-job <id>`.");
    return 0;
  },

  async requeue(db, p, io) {
    let code = 0;
    for (const id of need(p, 1, "one or more job ids")) {
      if (await requeueStuckJob(db, id, Date.now())) io.out(`${id}: handed back to the worker.`);
      else {
        io.err(`${id}: no unfinished job with this id.`);
        code = 1;
      }
    }
    return code;
  },

  async "fail-job"(db, p, io) {
    const reason = p.options.get("reason")?.trim();
    const message = `Stopped by the studio's administrator${reason ? `: ${reason}` : "."}`;
    let code = 0;
    for (const id of need(p, 1, "one or more job ids")) {
      const job = await getJob(db, id);
      if (job && (await transition(db, id, { to: "failed", errorCode: "internal", errorMessage: message }))) io.out(`${id}: failed.`);
      else {
        io.err(`${id}: ${job ? `already ${job.status}` : "no such job"}.`);
        code = 1;
      }
    }
    return code;
  },
};

/** Registers commands that do not open the app's database themselves (backup and restore live in their own module). */
export function addOfflineCommands(more: Record<string, OfflineCommand>): void {
  Object.assign(OFFLINE, more);
}

/** Runs one command; the exit code: 0 done, 1 refused or failed (a sentence on stderr), 2 usage. */
export async function runAdmin(db: () => Promise<Db>, argv: readonly string[], io: AdminIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (!parsed.command || parsed.command === "help" || parsed.flags.has("help")) {
    io.out(USAGE);
    return parsed.command || parsed.flags.has("help") ? 0 : 2;
  }
  const command = COMMANDS[parsed.command];
  const offline = OFFLINE[parsed.command];
  if (!command && !offline) {
    io.err(`There is no command "${parsed.command}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return offline ? await offline(parsed, io) : await command!(await db(), parsed, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}
