/**
 * The inline `--flag value` directives AI.ML reads from the end of the prompt text, parsed
 * and checked the way a Seedance-style backend would ([U]: the limits below are Seedance's,
 * AI.ML documents only 720p/1080p and 5 s as examples).
 */
const RESOLUTIONS = ["480p", "720p", "1080p"];
const RATIOS = ["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive"];

export function parseAimlText(text: string): { prompt: string; flags: Record<string, string> } {
  const flags: Record<string, string> = {};
  const prompt = text
    .replace(/(^|\s)--([a-z]+)\s+(\S+)/gi, (_all, _lead: string, name: string, value: string) => {
      flags[name.toLowerCase()] = value;
      return "";
    })
    .trim();
  return { prompt, flags };
}

/** A sentence naming the first bad flag, or null. */
export function validateAimlFlags(flags: Record<string, string>): string | null {
  if (flags.resolution !== undefined && !RESOLUTIONS.includes(flags.resolution)) return `Unsupported --resolution ${flags.resolution}.`;
  if (flags.duration !== undefined) {
    const d = Number(flags.duration);
    if (!Number.isInteger(d) || d < 2 || d > 12) return `Unsupported --duration ${flags.duration}: duration must be between 2 and 12 seconds.`;
  }
  if (flags.camerafixed !== undefined && flags.camerafixed !== "true" && flags.camerafixed !== "false") return `--camerafixed must be true or false.`;
  if (flags.ratio !== undefined && !RATIOS.includes(flags.ratio)) return `Unsupported --ratio ${flags.ratio}.`;
  return null;
}
