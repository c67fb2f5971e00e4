import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { wrapText, type Measure } from './text-wrap';
import { toWinAnsi } from './winansi';

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface Column {
  header: string;
  /** Fraction of the table width. */
  share: number;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 42;
const TOP = 62;
const BOTTOM = 56;
const CELL_PAD = 3;
const BODY_SIZE = 9;
const TABLE_SIZE = 7.5;
/** Keeps any one row far shorter than a page, so rows never need splitting across pages. */
const MAX_CELL_LINES = 14;
const GREY_TEXT = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.8, 0.8, 0.8);
const HEADER_FILL = rgb(0.92, 0.93, 0.95);

const lineHeight = (size: number) => size * 1.3;

interface RowLayout {
  font: PDFFont;
  lines: string[][];
  height: number;
}

/**
 * Lays text out top to bottom over as many A4 pages as it needs: paragraphs and tables wrap,
 * a table that crosses a page repeats its header, and `decorate` finally puts the running
 * header and the "page i of n" footer on every page (n is only known at the end).
 */
export class PageFlow {
  readonly width = A4[0] - 2 * MARGIN_X;
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - TOP;
  }

  private ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  private measure(font: PDFFont, size: number): Measure {
    return (text) => font.widthOfTextAtSize(text, size);
  }

  space(points: number): void {
    this.y -= points;
  }

  text(value: string, options: { size?: number; bold?: boolean; grey?: boolean } = {}): void {
    const size = options.size ?? BODY_SIZE;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrapText(toWinAnsi(value), this.width, this.measure(font, size))) {
      this.ensure(lineHeight(size));
      this.y -= lineHeight(size);
      this.page.drawText(line, { x: MARGIN_X, y: this.y + size * 0.25, size, font, color: options.grey ? GREY_TEXT : undefined });
    }
  }

  /** A section heading, kept on the same page as the start of what follows it. */
  heading(value: string): void {
    this.space(10);
    this.ensure(lineHeight(12) + 4 * lineHeight(TABLE_SIZE));
    this.text(value, { size: 12, bold: true });
    this.space(3);
  }

  keyValues(rows: { label: string; value: string }[]): void {
    this.table(
      [
        { header: '', share: 0.3 },
        { header: '', share: 0.7 },
      ],
      rows.map((r) => [r.label, r.value]),
      { header: false },
    );
  }

  table(columns: Column[], rows: string[][], options: { header?: boolean } = {}): void {
    const widths = columns.map((c) => c.share * this.width);
    const header =
      options.header === false
        ? null
        : this.layoutRow(
            columns.map((c) => c.header),
            widths,
            this.fonts.bold,
          );
    if (header) this.drawRow(header, widths, HEADER_FILL);
    for (const cells of rows) {
      const row = this.layoutRow(cells, widths, this.fonts.regular);
      if (this.y - row.height < BOTTOM) {
        this.newPage();
        if (header) this.drawRow(header, widths, HEADER_FILL);
      }
      this.drawRow(row, widths);
    }
  }

  private layoutRow(cells: string[], widths: number[], font: PDFFont): RowLayout {
    const measure = this.measure(font, TABLE_SIZE);
    const lines = cells.map((cell, i) => wrapText(toWinAnsi(cell), widths[i]! - 2 * CELL_PAD, measure, MAX_CELL_LINES));
    return { font, lines, height: Math.max(...lines.map((l) => l.length)) * lineHeight(TABLE_SIZE) + 2 * CELL_PAD };
  }

  private drawRow(row: RowLayout, widths: number[], fill?: RGB): void {
    if (fill) this.page.drawRectangle({ x: MARGIN_X, y: this.y - row.height, width: this.width, height: row.height, color: fill });
    let x = MARGIN_X;
    row.lines.forEach((cellLines, i) => {
      cellLines.forEach((line, j) => {
        const baseline = this.y - CELL_PAD - (j + 1) * lineHeight(TABLE_SIZE) + TABLE_SIZE * 0.3;
        this.page.drawText(line, { x: x + CELL_PAD, y: baseline, size: TABLE_SIZE, font: row.font });
      });
      x += widths[i]!;
    });
    this.y -= row.height;
    this.page.drawLine({ start: { x: MARGIN_X, y: this.y }, end: { x: MARGIN_X + this.width, y: this.y }, thickness: 0.4, color: RULE });
  }

  /** Running header (site name, report title) and footer (a note, page i of n) on every page. */
  decorate(header: { left: string; right: string }, footerLeft: string): void {
    const pages = this.doc.getPages();
    const size = 8;
    const { regular, bold } = this.fonts;
    const fit = (text: string, font: PDFFont, share: number) => wrapText(toWinAnsi(text), share * this.width, this.measure(font, size), 1)[0] ?? '';
    const left = fit(header.left, bold, 0.4);
    const right = fit(header.right, regular, 0.55);
    const footer = fit(footerLeft, regular, 0.75);
    pages.forEach((page, index) => {
      const top = A4[1] - 36;
      page.drawText(left, { x: MARGIN_X, y: top, size, font: bold });
      page.drawText(right, { x: A4[0] - MARGIN_X - regular.widthOfTextAtSize(right, size), y: top, size, font: regular, color: GREY_TEXT });
      page.drawLine({ start: { x: MARGIN_X, y: top - 5 }, end: { x: A4[0] - MARGIN_X, y: top - 5 }, thickness: 0.6, color: RULE });
      const pageText = `Page ${index + 1} of ${pages.length}`;
      page.drawLine({ start: { x: MARGIN_X, y: 40 }, end: { x: A4[0] - MARGIN_X, y: 40 }, thickness: 0.6, color: RULE });
      page.drawText(footer, { x: MARGIN_X, y: 28, size, font: regular, color: GREY_TEXT });
      page.drawText(pageText, { x: A4[0] - MARGIN_X - regular.widthOfTextAtSize(pageText, size), y: 28, size, font: regular, color: GREY_TEXT });
    });
  }
}
