/**
 * Postgres aborts one of two transactions that deadlock (40P01) or cannot be serialized (40001), and
 * says to run the aborted one again: it was rolled back whole, so running it again is safe. Without
 * this a cancel racing a worker step (each locking the job and its ledger rows, in another order)
 * answered 500. SQLite never needs it: one writer at a time.
 */
const RETRYABLE = new Set(["40P01", "40001"]);
const MAX_TRIES = 4;

function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

export async function retryOnConflict<T>(run: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await run();
    } catch (err) {
      if (tries >= MAX_TRIES || !RETRYABLE.has(sqlState(err) ?? "")) throw err;
    }
  }
}
