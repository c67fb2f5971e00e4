/**
 * The PDF uses the standard Helvetica font (no font files: air-gapped sites, small PDFs),
 * which can only show Windows-1252 ("WinAnsi") characters; pdf-lib throws on anything else.
 * Text is therefore made WinAnsi-safe here: kept when encodable, else transliterated, else
 * stripped of accents, else replaced by "?". The CSV and JSON keep the exact text.
 */

/** The characters Windows-1252 places at 0x80–0x9F. */
const CP1252_HIGH = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const TRANSLITERATION: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  Ŋ: 'N',
  ŋ: 'n',
  ĸ: 'k',
  Ə: 'E',
  ə: 'e',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '⇒': '=>',
  '↔': '<->',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '′': "'",
  '″': '"',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✘': 'x',
};

const MARKS = /\p{M}/gu;

export function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_HIGH.has(ch);
}

function replacement(ch: string): string {
  if (ch === '\t' || ch === '\n' || ch === '\r') return ' ';
  const mapped = TRANSLITERATION[ch];
  if (mapped) return mapped;
  // NFKD splits "ő" into "o" + a combining mark, and "ﬁ" into "fi"; keep the result if it all encodes.
  const decomposed = ch.normalize('NFKD').replace(MARKS, '');
  return decomposed.length > 0 && [...decomposed].every(isWinAnsi) ? decomposed : '?';
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) out += isWinAnsi(ch) ? ch : replacement(ch);
  return out;
}
