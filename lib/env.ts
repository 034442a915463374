/**
 * The only reader of process.env. Everything has a default that gives a working studio
 * on a fresh machine: SQLite and files under ./data, the local provider.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
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
const bool = (name: string) =>
  z
    .enum(["true", "false", ""], { error: `${name} must be "true" or "false"` })
    .optional()
    .transform((v) => v === "true");
/** s3://bucket or s3://bucket/prefix; bucket names as S3 allows them. */
const storageUrl = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(v);
    if (!m) {
      ctx.addIssue({ code: "custom", message: "STORAGE_URL must look like s3://bucket or s3://bucket/prefix (unset it to store files under DATA_DIR)" });
      return z.NEVER;
    }
    return { bucket: m[1]!, prefix: (m[2] ?? "").replace(/^\/+|\/+$/g, "") };
  });

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
  FFMPEG_PATH: optionalString,
  FFPROBE_PATH: optionalString,
  /** The shell search path, to find ffmpeg/ffprobe installed by the system. */
  PATH: z.string().default(""),
  /** "off" keeps the worker out of the web server (run `npm run worker` instead). */
  WORKER: z.enum(["embedded", "off"]).default("embedded"),
  WORKER_TICK_MS: positiveInt(1000),
  WORKER_LEASE_MS: positiveInt(60_000),
  /** How often a live stream re-reads the database anyway while Postgres notifications reach it: the net for a lost one. */
  LIVE_SAFETY_SWEEP_MS: positiveInt(15_000),
  POLL_MIN_MS: positiveInt(2000),
  POLL_MAX_MS: positiveInt(30_000),
  JOB_DEADLINE_SECONDS: positiveInt(3600),
  MAX_OUTPUT_MB: positiveInt(2048),
  OUTPUT_DOWNLOAD_TIMEOUT_SECONDS: positiveInt(600),
  PROVIDER_TIMEOUT_SECONDS: positiveInt(30),
  /** How often each provider's own model list is fetched again (hours; fractions allowed). */
  CATALOG_REFRESH_HOURS: z.coerce.number({ error: "CATALOG_REFRESH_HOURS must be a number of hours" }).positive("CATALOG_REFRESH_HOURS must be more than 0").default(6),
  /** Unset: files under DATA_DIR. s3://bucket/prefix: an S3-compatible bucket. */
  STORAGE_URL: storageUrl,
  /** Unset: AWS itself. Otherwise the store's URL (R2, MinIO, B2). */
  S3_ENDPOINT: url("S3_ENDPOINT").optional(),
  /** Where browsers reach the bucket for presigned URLs, when not at S3_ENDPOINT. */
  S3_PUBLIC_ENDPOINT: url("S3_PUBLIC_ENDPOINT").optional(),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  /** bucket.host/key (false) or host/bucket/key (true; MinIO and most self-hosted stores). */
  S3_FORCE_PATH_STYLE: bool("S3_FORCE_PATH_STYLE"),
  AWS_ACCESS_KEY_ID: optionalString,
  AWS_SECRET_ACCESS_KEY: optionalString,
  AWS_SESSION_TOKEN: optionalString,
  /** How /media hands out files: redirect to a presigned URL, or stream through us. Default: redirect on S3, stream on disk. */
  MEDIA_DELIVERY: z.enum(["redirect", "stream"], { error: 'MEDIA_DELIVERY must be "redirect" or "stream"' }).optional(),
  /** Life of a presigned URL for the owner's own media (shared media: at most 120 s). */
  MEDIA_URL_TTL_SECONDS: z.coerce.number().int().min(60, "MEDIA_URL_TTL_SECONDS must be at least 60").max(604_800, "MEDIA_URL_TTL_SECONDS must be at most 604800 (7 days)").default(3600),
  /** "true" lets provider-supplied URLs use plain http (tests with loopback fakes); private addresses stay refused. */
  ALLOW_INSECURE_PROVIDER_URLS: z
    .enum(["true", "false", ""], { error: 'ALLOW_INSECURE_PROVIDER_URLS must be "true" or "false"' })
    .optional()
    .transform((v) => v === "true"),
  /** "true" lets outgoing webhooks reach loopback and private networks (a receiver on your LAN; tests' loopback receiver). */
  OUTGOING_WEBHOOKS_ALLOW_PRIVATE: bool("OUTGOING_WEBHOOKS_ALLOW_PRIVATE"),
  /** Reverse proxies whose X-Forwarded-For is believed: addresses or CIDRs, comma-separated. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const list = (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      const bad = list.find((entry) => !isAddressOrCidr(entry));
      if (bad) ctx.addIssue({ code: "custom", message: `TRUSTED_PROXIES has "${bad}", which is not an IP address or CIDR (like 10.0.0.0/8)` });
      return list;
    }),
  /** "json": one JSON object per log line (for log collectors); otherwise readable text. */
  LOG_FORMAT: z.enum(["text", "json", ""], { error: 'LOG_FORMAT must be "text" or "json"' }).optional().transform((v) => (v === "json" ? "json" : "text")),
  /** An OpenAI-compatible chat-completions server for "Enhance prompt" (e.g. http://localhost:11434/v1 for Ollama); unset, there is no Enhance button. */
  LLM_BASE_URL: url("LLM_BASE_URL").optional(),
  /** Its bearer key; local servers usually need none. */
  LLM_API_KEY: optionalString,
  /** The model it should use, e.g. "llama3.2". */
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_SECONDS: positiveInt(30),
  ...providerConfigShape,
}).superRefine((e, ctx) => {
  if (e.MEDIA_DELIVERY === "redirect" && !e.STORAGE_URL)
    ctx.addIssue({ code: "custom", path: ["MEDIA_DELIVERY"], message: "MEDIA_DELIVERY=redirect needs STORAGE_URL=s3://… (files on disk are always streamed)" });
  if (e.LLM_BASE_URL && !e.LLM_MODEL)
    ctx.addIssue({ code: "custom", path: ["LLM_MODEL"], message: "LLM_BASE_URL is set, so set LLM_MODEL to the model it should use (or unset LLM_BASE_URL)" });
  if (!!e.AWS_ACCESS_KEY_ID !== !!e.AWS_SECRET_ACCESS_KEY)
    ctx.addIssue({ code: "custom", path: ["AWS_SECRET_ACCESS_KEY"], message: "set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither" });
});

function isAddressOrCidr(entry: string): boolean {
  const [address = "", prefix, extra] = entry.split("/");
  const family = net.isIP(address);
  if (!family || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

export type Settings = z.infer<typeof schema>;

/** Every variable Dailies reads, for checks of deployment files (compose.yaml sets no other). */
export const SETTING_NAMES: readonly string[] = Object.keys(schema.shape);
export type Env = Settings & { APP_SECRET: string; DATA_DIR: string };

let cached: Env | null = null;
let givenNames: ReadonlySet<string> | null = null;

/** Parsed configuration; a bad value fails with a sentence naming what to set. */
export function env(): Env {
  if (cached) return cached;
  const parsed = parseSettings(process.env);
  const dataDir = path.resolve(parsed.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  cached = { ...parsed, DATA_DIR: dataDir, APP_SECRET: parsed.APP_SECRET ?? loadOrCreateSecret(dataDir) };
  givenNames = new Set(Object.keys(process.env).filter((k) => !!process.env[k]?.trim()));
  return cached;
}

/**
 * Whether the environment itself sets `name` (not empty). Such a setting wins over what the owner
 * saved in Settings → Providers, which then shows it as set by the server.
 */
export function setInEnvironment(name: string): boolean {
  env();
  return givenNames!.has(name);
}

/** The settings in `source` (an environment), checked; no side effects. Tests use it for a server they started. */
export function parseSettings(source: Record<string, string | undefined>): Settings {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Dailies cannot start: fix these settings (environment or .env.local):\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The URL our own server answers on, for calls from a worker to the webhook route. */
export function internalUrl(): string {
  const e = env();
  return e.INTERNAL_URL ?? `http://127.0.0.1:${e.PORT}`;
}

/** APP_SECRET as the environment sets it, or undefined when it comes from DATA_DIR/app-secret. */
export function configuredAppSecret(): string | undefined {
  return parseSettings(process.env).APP_SECRET;
}

/** For tests that change settings between cases. */
export function resetEnvCache(): void {
  cached = null;
  givenNames = null;
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
