/** A file name for a downloaded video, from its prompt: "A lighthouse at dusk!" -> "a-lighthouse-at-dusk.mp4". */

const MAX_STEM = 60;

export function downloadName(prompt: string, videoUrl?: string | null): string {
  const ext = videoUrl?.match(/\.(mp4|webm)$/)?.[1] ?? "mp4";
  const words = prompt
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  let stem = "";
  for (const word of words ?? []) {
    const next = stem ? `${stem}-${word}` : word;
    // Cut between words so a name never ends in half a word, unless the first word alone is too long.
    if (next.length > MAX_STEM) {
      if (!stem) stem = word.slice(0, MAX_STEM);
      break;
    }
    stem = next;
  }
  return `${stem || "video"}.${ext}`;
}
