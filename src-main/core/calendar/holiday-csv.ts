import type { Problem } from '@shared/domain/problems';
import type { HolidayEntry } from './business-calendar';
import { isIsoDate } from './iso-date';

/**
 * Holiday lists kept in a spreadsheet: a header `date,name` (or `date;name`, as spreadsheets
 * in comma-decimal locales save CSV), then one holiday per line with an ISO date
 * (YYYY-MM-DD). Fields may be quoted as in RFC 4180 ("Christmas Day, observed"). Blank lines
 * and lines starting with # are skipped. A bad line is a Problem naming its line and column
 * and is skipped; the good lines are still returned.
 */

interface Field {
  text: string;
  column: number;
}

/** One line's fields, RFC 4180 quoting, no line breaks inside quotes (a holiday name has none). */
function splitLine(line: string, separator: string): Field[] | { error: string; column: number } {
  const fields: Field[] = [];
  let i = 0;
  for (;;) {
    const column = i + 1;
    let text = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) return { error: 'unterminated quoted field', column };
        text += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        text += '"';
        i++;
      }
      if (i < line.length && line[i] !== separator) return { error: `expected "${separator}" after a quoted field`, column: i + 1 };
    } else {
      const end = line.indexOf(separator, i);
      text = end < 0 ? line.slice(i) : line.slice(i, end);
      i = end < 0 ? line.length : end;
    }
    fields.push({ text, column });
    if (i >= line.length) return fields;
    i++; // the separator
  }
}

export function parseHolidayCsv(text: string, file: string): { holidays: HolidayEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const holidays: HolidayEntry[] = [];
  const report = (line: number, column: number, code: string, message: string, path: string): void => {
    problems.push({ severity: 'error', code, message, file, line, column, path });
  };

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines[headerIndex]?.trim().toLowerCase().replace(/"/g, '') ?? '';
  const separator = header === 'date,name' ? ',' : header === 'date;name' ? ';' : null;
  if (separator === null) {
    report(headerIndex < 0 ? 1 : headerIndex + 1, 1, 'csv-header', 'the first line must be the header "date,name" (or "date;name")', '');
    return { holidays, problems };
  }

  for (let index = headerIndex + 1; index < lines.length; index++) {
    const line = lines[index]!;
    const lineNo = index + 1;
    const path = `lines.${lineNo}`;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = splitLine(line, separator);
    if (!Array.isArray(fields)) {
      report(lineNo, fields.column, 'csv-syntax', fields.error, path);
      continue;
    }
    if (fields.length !== 2) {
      const column = fields.length > 2 ? fields[2]!.column : line.length + 1;
      report(lineNo, column, 'csv-fields', `expected 2 fields (date${separator}name), found ${fields.length}`, path);
      continue;
    }
    const [date, name] = fields as [Field, Field];
    const dateText = date.text.trim();
    if (!isIsoDate(dateText)) {
      report(lineNo, date.column, 'csv-bad-date', `${JSON.stringify(date.text)} is not an ISO date (YYYY-MM-DD) that exists`, `${path}.date`);
      continue;
    }
    if (name.text.trim() === '') {
      report(lineNo, name.column, 'csv-missing-name', 'the holiday needs a name', `${path}.name`);
      continue;
    }
    holidays.push({ date: dateText, name: name.text.trim() });
  }
  return { holidays, problems };
}
