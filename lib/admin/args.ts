/** `npm run admin -- <command> [args] [--flag] [--option value]`, parsed without a dependency. */

export interface Parsed {
  command: string | undefined;
  args: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** Options that take a value; every other `--x` is a flag. */
const WITH_VALUE = new Set(["name", "reason", "quiet-for"]);

export function parseArgs(argv: readonly string[]): Parsed {
  const args: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (WITH_VALUE.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value.`);
        options.set(name, value);
      } else flags.add(name);
    } else args.push(a);
  }
  return { command: args.shift(), args, flags, options };
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** "30m", "2h", "90s", "1d" -> milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  if (!m) throw new UsageError(`"${text}" is not a duration: use a number and s, m, h or d, like 30m.`);
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "s" | "m" | "h" | "d"];
}

/** Plain aligned columns for a terminal. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}
