export class CsvSyntaxError extends Error {
  constructor(record: number, reason: string) {
    super(`record ${record}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'afterCr';

/**
 * Strict streaming RFC 4180 reader for verification: records end with CRLF (the last one
 * too), quotes appear only around a whole field. Anything else is an error rather than a
 * guess, because a verifier must not read a damaged file as a different valid one.
 * Whole fields are sliced from the chunk, not built character by character.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let state: State = 'fieldStart';
  let field = '';
  let fields: string[] = [];
  let recordNo = 1;
  for await (const chunk of chunks) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (state === 'fieldStart') {
        if (ch === '"') {
          state = 'quoted';
          start = i + 1;
          continue;
        }
        state = 'unquoted';
        start = i;
      }
      switch (state) {
        case 'unquoted':
          if (ch === ',' || ch === '\r') {
            fields.push(field + chunk.slice(start, i));
            field = '';
            state = ch === ',' ? 'fieldStart' : 'afterCr';
          } else if (ch === '"') throw new CsvSyntaxError(recordNo, 'a quote inside an unquoted field');
          else if (ch === '\n') throw new CsvSyntaxError(recordNo, 'a line ends with LF alone (RFC 4180 needs CRLF)');
          break;
        case 'quoted':
          if (ch === '"') {
            field += chunk.slice(start, i);
            state = 'quoteInQuoted';
          }
          break;
        case 'quoteInQuoted':
          if (ch === '"') {
            state = 'quoted';
            start = i; // the second quote of a doubled pair is the literal quote
          } else if (ch === ',' || ch === '\r') {
            fields.push(field);
            field = '';
            state = ch === ',' ? 'fieldStart' : 'afterCr';
          } else throw new CsvSyntaxError(recordNo, 'text after the closing quote of a field');
          break;
        case 'afterCr':
          if (ch !== '\n') throw new CsvSyntaxError(recordNo, 'CR not followed by LF');
          yield fields;
          fields = [];
          recordNo += 1;
          state = 'fieldStart';
          break;
      }
    }
    if (state === 'unquoted' || state === 'quoted') field += chunk.slice(start);
  }
  if (state !== 'fieldStart' || fields.length > 0) throw new CsvSyntaxError(recordNo, 'the file ends inside a record');
}
