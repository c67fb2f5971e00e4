/** Width in points of a WinAnsi-safe string at the size in use. */
export type Measure = (text: string) => number;

const ELLIPSIS = '…';

/** Splits a word wider than the column at character boundaries (hashes, ids, base64). */
function breakWord(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measure(piece + ch) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function withEllipsis(line: string, width: number, measure: Measure): string {
  let cut = line;
  while (cut && measure(cut + ELLIPSIS) > width) cut = cut.slice(0, -1);
  return cut + ELLIPSIS;
}

/**
 * Greedy word wrap into lines no wider than `width`. At most `maxLines` lines: a value longer
 * than that ends with "…", which keeps every table row shorter than a page (the full value
 * is in the CSV and JSON).
 */
export function wrapText(text: string, width: number, measure: Measure, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = measure(word) <= width ? [word] : breakWord(word, width, measure);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1] ?? '';
    if (lines.length >= maxLines) break;
  }
  if (line || lines.length === 0) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1]!, width, measure);
  return kept;
}
