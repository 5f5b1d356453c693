/**
 * Full-width characters to their half-width forms. Chinese input methods type digits, letters and
 * punctuation full-width (３３０６０２, Ａ－１, ９：００); codes, dates, times and rules must be
 * read the same whichever way they were typed.
 */

/** Full-width ASCII (０-９, Ａ-Ｚ, ：, －) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}
