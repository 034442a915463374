/**
 * The Dockerfile and compose.yaml cannot be run here (no registry access, no Docker), so they are
 * checked as files: compose.yaml parses, runs two web servers and a worker on Postgres and an S3
 * store it also defines, and sets only variables lib/env.ts reads, with values it accepts; the
 * Dockerfile builds in stages on Node 20 Debian slim, takes ffmpeg from npm, runs `npm start` as
 * a user that is not root, and copies only files that exist.
 */
import fs from "node:fs";
import path from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parseSettings, SETTING_NAMES } from "../lib/env";

const ROOT = path.resolve(__dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

interface Service {
  build?: unknown;
  image?: string;
  command?: string[];
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition: string }>;
}

/** Compose's own interpolation, enough for this file: ${NAME:-default}, and ${NAME:?message} as a value of the right shape. */
function interpolate(value: string): string {
  return value
    .replace(/\$\{([A-Z0-9_]+):-([^}]*)\}/g, (_, _name: string, fallback: string) => fallback)
    .replace(/\$\{([A-Z0-9_]+):\?[^}]*\}/g, (_, name: string) => `${name.toLowerCase()}-given-by-the-operator-0123456789`)
    .replace(/\$\$/g, "$");
}

const compose = load(read("compose.yaml")) as { services: Record<string, Service> };
const services = compose.services;
const dailies = Object.entries(services).filter(([, s]) => s.build !== undefined);
const envOf = (s: Service) => Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));

describe("compose.yaml", () => {
  it("runs two web servers and one worker from the Dockerfile", () => {
    const web = dailies.filter(([, s]) => s.command === undefined);
    const workers = dailies.filter(([, s]) => s.command?.join(" ") === "npm run worker");
    expect(web.map(([name]) => name).sort()).toEqual(["app1", "app2"]);
    expect(workers.map(([name]) => name)).toEqual(["worker"]);
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.worker).toBeDefined();
    expect(scripts.start).toBeDefined();
  });

  it("sets only variables lib/env.ts reads, with values it accepts", () => {
    for (const [name, service] of dailies) {
      const env = envOf(service);
      const unknown = Object.keys(env).filter((k) => !SETTING_NAMES.includes(k));
      expect(unknown, `${name} sets variables Dailies never reads`).toEqual([]);
      const settings = parseSettings(env);
      expect(settings.WORKER, `${name}: web servers leave jobs to the worker`).toBe("off");
      expect(settings.DATABASE_URL, name).toMatch(/^postgres:\/\//);
      expect(settings.STORAGE_URL?.bucket, name).toBe("dailies");
    }
  });

  it("points the app at the Postgres and S3 services it defines, with their credentials", () => {
    const pg = envOf(services.postgres!);
    const minio = envOf(services.minio!);
    const bucketJob = services.bucket!;
    for (const [name, service] of dailies) {
      const env = envOf(service);
      const db = new URL(env.DATABASE_URL!);
      expect([db.hostname, db.username, db.password, db.pathname], name).toEqual(["postgres", pg.POSTGRES_USER, pg.POSTGRES_PASSWORD, `/${pg.POSTGRES_DB}`]);
      expect(new URL(env.S3_ENDPOINT!).hostname, name).toBe("minio");
      expect([env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY], name).toEqual([minio.MINIO_ROOT_USER, minio.MINIO_ROOT_PASSWORD]);
      for (const dep of Object.keys(service.depends_on ?? {})) expect(Object.keys(services), `${name} depends on ${dep}`).toContain(dep);
    }
    // The bucket the app stores into is the one the setup job makes.
    expect(JSON.stringify(bucketJob)).toContain("mc mb --ignore-existing store/dailies");
    expect(envOf(services.worker!).INTERNAL_URL).toBe("http://app1:3000");
  });
});

describe("Dockerfile", () => {
  const text = read("Dockerfile");
  const lines = text.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));
  const stages = lines.filter((l) => /^FROM\s/i.test(l));

  it("builds in stages on Node 20 Debian slim", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const from of stages) expect(from).toMatch(/^FROM (node:20-[a-z]+-slim|[a-z-]+) AS [a-z-]+$/);
    expect(stages[0]).toMatch(/^FROM node:20-bookworm-slim /);
    expect(stages.at(-1)).toMatch(/^FROM node:20-bookworm-slim AS runtime$/);
  });

  it("takes ffmpeg from the npm packages, not from apt", () => {
    expect(text).not.toMatch(/apt-get install[^\n]*ffmpeg/);
    const deps = (JSON.parse(read("package.json")) as { dependencies: Record<string, string> }).dependencies;
    expect(Object.keys(deps)).toEqual(expect.arrayContaining(["@ffmpeg-installer/ffmpeg", "@ffprobe-installer/ffprobe"]));
  });

  it("runs npm start as a user that is not root, in its last stage", () => {
    const last = lines.slice(lines.indexOf(stages.at(-1)!));
    const users = last.filter((l) => /^USER\s/.test(l));
    expect(users.at(-1)).toMatch(/^USER (?!root\b|0\b)\S+$/);
    expect(last.at(-1)).toBe('CMD ["npm", "start"]');
  });

  it("copies only files that exist, and keeps local state out of the build context", () => {
    const copies = lines.filter((l) => /^COPY\s/.test(l) && !l.includes("--from="));
    for (const copy of copies) {
      const sources = copy.replace(/^COPY\s+(--\S+\s+)*/, "").split(/\s+/).slice(0, -1);
      for (const src of sources) expect(fs.existsSync(path.join(ROOT, src)), `COPY ${src}`).toBe(true);
    }
    const ignored = read(".dockerignore").split("\n").map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(["node_modules", ".next", "data"]));
  });
});
