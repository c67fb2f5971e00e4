/**
 * iCalendar content lines (RFC 5545 §3.1): unfolding and the split into name, parameters and
 * value, keeping where every character came from so that a problem deep inside a folded line
 * still points at the right physical line and column.
 */

export interface Position {
  line: number;
  column: number;
}

interface Segment {
  /** Offset in the unfolded text where this physical line's characters start. */
  offset: number;
  line: number;
  /** Column of that first character in the physical line (2 after a folding space). */
  column: number;
}

export interface ContentLine {
  /** Upper-cased property name ("DTSTART"). */
  name: string;
  /** Upper-cased parameter names; values without their quotes ("VALUE" → "DATE"). */
  params: Map<string, string>;
  value: string;
  /** Offset of the value in the unfolded line, for positions inside it. */
  valueOffset: number;
  /** Where an offset of the unfolded line is in the file. */
  at(offset: number): Position;
}

export interface LineError {
  message: string;
  position: Position;
}

interface Unfolded {
  text: string;
  segments: Segment[];
}

function unfold(source: string): Unfolded[] {
  const physical = source.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const lines: Unfolded[] = [];
  physical.forEach((text, index) => {
    const current = lines[lines.length - 1];
    if ((text.startsWith(' ') || text.startsWith('\t')) && current) {
      // A folded continuation: the single leading space or tab is the fold, not content.
      current.segments.push({ offset: current.text.length, line: index + 1, column: 2 });
      current.text += text.slice(1);
    } else if (text.trim() !== '') {
      lines.push({ text, segments: [{ offset: 0, line: index + 1, column: 1 }] });
    }
  });
  return lines;
}

function locate(segments: Segment[], offset: number): Position {
  let segment = segments[0]!;
  for (const s of segments) if (s.offset <= offset) segment = s;
  return { line: segment.line, column: segment.column + (offset - segment.offset) };
}

const NAME = /^[A-Za-z0-9-]+/;

function parseLine({ text, segments }: Unfolded): ContentLine | LineError {
  const at = (offset: number): Position => locate(segments, offset);
  const name = NAME.exec(text)?.[0];
  if (!name) return { message: `expected a property name, found ${JSON.stringify(text.slice(0, 20))}`, position: at(0) };
  const params = new Map<string, string>();
  let i = name.length;
  while (text[i] === ';') {
    const paramName = NAME.exec(text.slice(i + 1))?.[0];
    if (!paramName || text[i + 1 + paramName.length] !== '=') return { message: `expected a parameter (NAME=value) after ";"`, position: at(i + 1) };
    i += 2 + paramName.length;
    let value = '';
    // Parameter values may be quoted, and a quoted value may hold ";", ":" and ",".
    for (;;) {
      if (text[i] === '"') {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return { message: 'unterminated quoted parameter value', position: at(i) };
        value += text.slice(i + 1, end);
        i = end + 1;
      } else {
        const end = text.slice(i).search(/[;:,]/);
        const stop = end < 0 ? text.length : i + end;
        value += text.slice(i, stop);
        i = stop;
      }
      if (text[i] !== ',') break;
      value += ',';
      i++;
    }
    params.set(paramName.toUpperCase(), value);
  }
  if (text[i] !== ':') return { message: `expected ":" after ${name}`, position: at(i) };
  return { name: name.toUpperCase(), params, value: text.slice(i + 1), valueOffset: i + 1, at };
}

export function contentLines(source: string): (ContentLine | LineError)[] {
  return unfold(source).map(parseLine);
}

export function isLineError(line: ContentLine | LineError): line is LineError {
  return 'message' in line;
}

/** TEXT values (RFC 5545 §3.3.11): "\," "\;" "\\" and "\n". */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
