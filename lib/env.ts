/**
 * The only reader of process.env. Everything has a default that gives a working studio
 * on a fresh machine: SQLite and files under ./data, the local provider.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { providerConfigShape } from "./providers/config-slices";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const url = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s]+$/.test(v), { message: `${name} must be an http(s) URL` })
    .transform((v) => v.replace(/\/+$/, ""));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  PORT: positiveInt(3000),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  /** postgres://user:pass@host:5432/db puts the database on Postgres; unset, it is SQLite at DATA_DIR/dailies.db. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\/\S+$/i.test(v), {
      message: "DATABASE_URL must be a postgres:// (or postgresql://) URL, or unset for SQLite under DATA_DIR",
    }),
  /** Postgres connections each process may open. */
  DATABASE_POOL_MAX: positiveInt(10),
  PUBLIC_URL: url("PUBLIC_URL").optional(),
  /** Where a worker outside the web server reaches it (the local provider's webhook). */
  INTERNAL_URL: url("INTERNAL_URL").optional(),
  /** "true" keeps sign-up open to anyone who can reach the studio; otherwise the owner decides in settings. */
  ALLOW_SIGNUP: z
    .enum(["true", "false", ""], { error: 'ALLOW_SIGNUP must be "true" or "false"' })
    .optional()
    .transform((v) => v === "true"),
  APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters (or unset it to generate one)").optional(),
  REPLICATE_API_TOKEN: optionalString,
  REPLICATE_BASE_URL: url("REPLICATE_BASE_URL").default("https://api.replicate.com/v1"),
  REPLICATE_WEBHOOK_SECRET: optionalString,
  FAL_KEY: optionalString,
  FAL_QUEUE_URL: url("FAL_QUEUE_URL").default("https://queue.fal.run"),
  FAL_REST_URL: url("FAL_REST_URL").default("https://rest.fal.ai"),
  FAL_JWKS_URL: url("FAL_JWKS_URL").default("https://rest.alpha.fal.ai/.well-known/jwks.json"),
  FFMPEG_PATH: optionalString,
  FFPROBE_PATH: optionalString,
  /** The shell search path, to find ffmpeg/ffprobe installed by the system. */
  PATH: z.string().default(""),
  /** "off" keeps the worker out of the web server (run `npm run worker` instead). */
  WORKER: z.enum(["embedded", "off"]).default("embedded"),
  WORKER_TICK_MS: positiveInt(1000),
  WORKER_LEASE_MS: positiveInt(60_000),
  POLL_MIN_MS: positiveInt(2000),
  POLL_MAX_MS: positiveInt(30_000),
  JOB_DEADLINE_SECONDS: positiveInt(3600),
  MAX_OUTPUT_MB: positiveInt(2048),
  OUTPUT_DOWNLOAD_TIMEOUT_SECONDS: positiveInt(600),
  PROVIDER_TIMEOUT_SECONDS: positiveInt(30),
  LOCAL_RENDER_CONCURRENCY: positiveInt(1),
  ...providerConfigShape,
});

export type Env = z.infer<typeof schema> & { APP_SECRET: string; DATA_DIR: string };

let cached: Env | null = null;

/** Parsed configuration; a bad value fails with a sentence naming what to set. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Dailies cannot start: fix these settings (environment or .env.local):\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  cached = { ...parsed.data, DATA_DIR: dataDir, APP_SECRET: parsed.data.APP_SECRET ?? loadOrCreateSecret(dataDir) };
  return cached;
}

/** The URL our own server answers on, for calls from a worker to the webhook route. */
export function internalUrl(): string {
  const e = env();
  return e.INTERNAL_URL ?? `http://127.0.0.1:${e.PORT}`;
}

/** For tests that change settings between cases. */
export function resetEnvCache(): void {
  cached = null;
}

function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "app-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: fall through and create it
  }
  const secret = randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    // another process created it first: use theirs so signatures agree
    return fs.readFileSync(file, "utf8").trim();
  }
}
