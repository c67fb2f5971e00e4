import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src-main/core/reports/pdf/text-wrap';
import { isWinAnsi, toWinAnsi } from '../../../src-main/core/reports/pdf/winansi';

describe('WinAnsi-safe text for the standard PDF fonts', () => {
  it('keeps what Windows-1252 encodes, transliterates or strips accents from the rest, and marks the unencodable', () => {
    expect(toWinAnsi('Zürich, Straße, Œuvre, €5 – “quoted” …')).toBe('Zürich, Straße, Œuvre, €5 – “quoted” …');
    expect(toWinAnsi('Łukasz Dąbrowski, Đorđe, Ångström, Őrs')).toBe('Lukasz Dabrowski, Dorde, Ångström, Ors');
    expect(toWinAnsi('a ≥ b → c ≠ d ✓')).toBe('a >= b -> c != d v');
    expect(toWinAnsi('ﬁne ½')).toBe('fine ½');
    expect(toWinAnsi('Москва 漢字 🙂')).toBe('?????? ?? ?');
    expect(toWinAnsi('tab\there\r\nnext')).toBe('tab here  next');
    expect(toWinAnsi('\u0000\u001b\u007f\u0085')).toBe('????');
  });

  it('never produces a character Helvetica cannot draw', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage();
    let every = '';
    for (let code = 0; code < 0x3000; code++) every += String.fromCodePoint(code);
    every += '🙂\u{1F600}\uD800';
    const safe = toWinAnsi(every);
    expect([...safe].every(isWinAnsi)).toBe(true);
    expect(() => page.drawText(safe, { font, size: 8 })).not.toThrow();
    await expect(doc.save()).resolves.toBeInstanceOf(Uint8Array);
  });
});

describe('wrapping table cells', () => {
  const measure = (text: string) => text.length; // one point per character

  it('wraps at spaces, breaks words longer than the column, and ends cut values with an ellipsis', () => {
    expect(wrapText('the quick brown fox', 10, measure)).toEqual(['the quick', 'brown fox']);
    expect(wrapText('0123456789abcdef', 5, measure)).toEqual(['01234', '56789', 'abcde', 'f']);
    expect(wrapText('ab 0123456789', 5, measure)).toEqual(['ab', '01234', '56789']);
    expect(wrapText('', 5, measure)).toEqual(['']);
    expect(wrapText('one two three four five six', 9, measure, 2)).toEqual(['one two', 'three…']);
    expect(wrapText('x'.repeat(10_000), 10, measure, 3)).toEqual(['x'.repeat(10), 'x'.repeat(10), `${'x'.repeat(9)}…`]);
  });
});
