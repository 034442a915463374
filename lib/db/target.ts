/** What a database target names: a postgres:// URL, or else a SQLite file path. Imports nothing, so test setup can ask cheaply. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}
