/**
 * Whether text shows anything: a letter, digit, punctuation mark or symbol. Spaces, zero-width and
 * other format characters (U+200B, U+200D, U+2060, U+FEFF, soft hyphen), lone combining marks and
 * the blank "letters" (Hangul fillers, the blank Braille pattern) do not count, so a prompt made of
 * them is treated as empty.
 */
const BLANK_LOOKALIKES = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text.replace(BLANK_LOOKALIKES, ""));
}
