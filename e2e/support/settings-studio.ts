/**
 * An in-process studio for Settings → Providers tests: a real SQLite file under a fresh DATA_DIR
 * and APP_SECRET, its owner and a member, and a clean copy of the saved provider settings.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Viewer } from "../../lib/auth/viewer";
import { claimOwnership } from "../../lib/auth/instance";
import { closeDb, openDb, type Db } from "../../lib/db/client";
import { resetEnvCache } from "../../lib/env";
import { resetProviderSettingsCache } from "../../lib/provider-settings/cache";
import { insertUser } from "./test-db";

export interface SettingsStudio {
  db: Db;
  file: string;
  owner: Viewer;
  member: Viewer;
  close(): Promise<void>;
}

/** Sets (or, with undefined, unsets) environment variables and forgets the parsed environment. */
export function setEnv(values: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

const viewer = (userId: string): Viewer => ({ userId, email: null, name: null, via: "session" });

export async function openSettingsStudio(): Promise<SettingsStudio> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dailies-settings-"));
  setEnv({ DATA_DIR: dataDir, APP_SECRET: `test-secret-${"x".repeat(32)}` });
  resetProviderSettingsCache();
  const file = path.join(dataDir, "dailies.db");
  const db = await openDb(file);
  const owner = await insertUser(db, { name: "Owner" });
  await claimOwnership(db, owner.id);
  const member = await insertUser(db, { name: "Member" });
  return {
    db,
    file,
    owner: viewer(owner.id),
    member: viewer(member.id),
    async close() {
      resetProviderSettingsCache();
      await closeDb(db);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
