/** Public share links. Twin: ../sqlite/sharing.ts (see ../index.ts before changing either). */
import { boolean, index, pgTable, text } from "drizzle-orm/pg-core";
import { ms } from "./columns";
import { jobs } from "./jobs";
import { user } from "./auth";

/** A revocable public link to one job's video. The token is the capability (>= 128 random bits). */
export const shareLinks = pgTable(
  "share_links",
  {
    token: text("token").primaryKey(),
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at"),
    revokedAt: ms("revoked_at"),
    /** The owner lets viewers download the file (the page's Download button, `?download`); on for links made before the choice existed. */
    allowDownload: boolean("allow_download").notNull().default(true),
  },
  (t) => [index("share_links_job_idx").on(t.jobId)],
);
