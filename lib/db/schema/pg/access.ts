/** Who may get in, beyond better-auth's own tables: API tokens, the sign-in throttle, disabled people, password resets. Twin: ../sqlite/access.ts (see ../index.ts before changing either). */
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { ms } from "./columns";
import { user } from "./auth";

/** Personal API tokens for the JSON API; only a SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, so a person can tell their tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: ms("created_at").notNull(),
    lastUsedAt: ms("last_used_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/** Failed sign-ins of the last few minutes (see sqlite.ts). */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    at: ms("at").notNull(),
  },
  (t) => [index("sign_in_failures_key_at").on(t.key, t.at), index("sign_in_failures_at").on(t.at)],
);

export const disabledUsers = pgTable("disabled_users", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  disabledAt: ms("disabled_at").notNull(),
});

export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
    usedAt: ms("used_at"),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);
