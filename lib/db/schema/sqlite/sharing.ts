/** Public share links. Twin: ../pg/sharing.ts (see ../index.ts before changing either). */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { jobs } from "./jobs";
import { user } from "./auth";

/** A revocable public link to one job's video. The token is the capability (>= 128 random bits). */
export const shareLinks = sqliteTable(
  "share_links",
  {
    token: text("token").primaryKey(),
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at"),
    revokedAt: integer("revoked_at"),
    /** The owner lets viewers download the file (the page's Download button, `?download`); on for links made before the choice existed. */
    allowDownload: integer("allow_download", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [index("share_links_job_idx").on(t.jobId)],
);
