import "server-only";
import { backup, BackupError } from "../backup/backup";
import { restore } from "../backup/restore";
import { addOfflineCommands, type AdminIo } from "./cli";
import type { Parsed } from "./args";

async function guarded(io: AdminIo, run: () => Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    io.err(err.message);
    return 1;
  }
}

const needDir = (p: Parsed) => {
  if (!p.args[0]) throw new BackupError(`${p.command} needs a folder, e.g. \`npm run admin -- ${p.command} /backups/dailies-$(date +%F)\`.`);
  return p.args[0];
};

// Neither opens the app's database through runAdmin: backup reads it on a connection of its own, restore needs it absent.
addOfflineCommands(
  {
    async backup(p, io) {
      return guarded(io, async () => {
        const m = await backup(needDir(p), io.out);
        io.out(`Backup complete in ${needDir(p)}: ${m.counts.jobs} jobs, ${m.files.length} files, ${m.files.reduce((n, f) => n + f.bytes, 0) + m.database.bytes} bytes. It holds the app secret: keep it private.`);
      });
    },
    async restore(p, io) {
      return guarded(io, async () => {
        const m = await restore(needDir(p), io.out);
        io.out(`Restore complete: ${m.counts.users} people, ${m.counts.jobs} jobs, ${m.files.length} files. Start the server on this DATA_DIR.`);
      });
    },
  },
);
