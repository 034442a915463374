/** `npm run admin -- <command>`: operating a studio from a shell, on the configured database (see USAGE in cli.ts). */
import { closeDb, db } from "../db/client";
import { runAdmin } from "./cli";
import "./backup-commands";

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new Error("Pipe the password in, e.g. `printf '%s' \"$PW\" | npm run admin -- reset-password you@example.com --stdin`.");
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

let opened = false;
const open = () => ((opened = true), db());

runAdmin(open, process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l), readStdin })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  })
  .then(async (code) => {
    if (opened) await closeDb(await db()).catch(() => undefined);
    process.exit(code);
  });
