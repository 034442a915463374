/** The manifest of a backup folder: what is in it, with sizes and SHA-256 checksums. Written last, so a folder without one is incomplete. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { z } from "zod";

export const MANIFEST = "manifest.json";

const fileEntry = z.object({ file: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const manifestSchema = z.object({
  format: z.literal("dailies-backup"),
  version: z.literal(1),
  createdAt: z.string(),
  dialect: z.enum(["sqlite", "pg"]),
  database: fileEntry.extend({
    /** The newest migration the database had (drizzle's journal time), so an older Dailies refuses a newer backup. */
    latestMigration: z.number().int().nullable(),
  }),
  appSecret: fileEntry.nullable(),
  files: z.array(fileEntry.extend({ key: z.string().min(1) })),
  /** Keys the database named but the store no longer had (deleted while the backup ran). */
  missing: z.array(z.string()),
  counts: z.object({ users: z.number().int(), jobs: z.number().int(), videos: z.number().int() }),
});

export type Manifest = z.infer<typeof manifestSchema>;

export async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const h = createHash("sha256");
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    h.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: h.digest("hex"), bytes };
}

/** Backup folder paths come from the manifest: refuse any that would leave the folder. */
export function isInside(rel: string): boolean {
  return !rel.startsWith("/") && !rel.split(/[\\/]/).some((part) => part === ".." || part === "");
}
