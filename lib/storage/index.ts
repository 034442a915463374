import "server-only";
import { env } from "../env";
import { LocalDiskStorage } from "./local-disk";
import type { Storage } from "./types";

const holder = globalThis as typeof globalThis & { __dailiesStorage?: Storage };

export function storage(): Storage {
  holder.__dailiesStorage ??= new LocalDiskStorage(env().DATA_DIR);
  return holder.__dailiesStorage;
}
