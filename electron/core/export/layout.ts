import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { printable, type Fonts } from './fonts.js';

/*
 * A small flow layout over pdf-lib: a cursor that moves down the page, text that wraps at word
 * boundaries (and inside words too long for the line), tables whose rows grow with their content
 * and whose header repeats on each new page, and lists that continue on as many pages as they
 * need. Nothing is ever cut: what does not fit goes to the next page.
 *
 * The cursor `y` is measured from the top of the page; pdf-lib's origin is bottom-left.
 */

export const LETTER: [number, number] = [612, 792];
export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.4, 0.45);
export const RULE = rgb(0.78, 0.8, 0.84);
export const SHADE = rgb(0.94, 0.95, 0.97);
export const ALERT = rgb(0.7, 0.12, 0.1);
export const GOOD = rgb(0.1, 0.45, 0.2);

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
}

export interface Column {
  title: string;
  /** share of the table width; shares are normalised */
  share: number;
  bold?: boolean;
}

export interface TableRow {
  cells: string[];
  /** a line spanning the whole row under the cells (a reason, a note) */
  detail?: string;
  /** colour of the cell text, per column */
  colors?: (RGB | undefined)[];
}

export interface FlowOptions {
  size?: [number, number];
  margin?: { top: number; right: number; bottom: number; left: number };
}

const LINE = 1.28;
const PAD = 3;

export class Flow {
  readonly pages: PDFPage[] = [];
  readonly pageSize: [number, number];
  readonly margin: { top: number; right: number; bottom: number; left: number };
  page!: PDFPage;
  y = 0;
  /** drawn at the top of every page this flow opens after the first (continued table headers, list titles) */
  private continuation: (() => void) | null = null;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    opts: FlowOptions = {},
  ) {
    this.pageSize = opts.size ?? LETTER;
    this.margin = opts.margin ?? { top: 54, right: 54, bottom: 64, left: 54 };
    this.newPage();
  }

  get width(): number {
    return this.pageSize[0] - this.margin.left - this.margin.right;
  }

  get left(): number {
    return this.margin.left;
  }

  private get bottomLimit(): number {
    return this.pageSize[1] - this.margin.bottom;
  }

  /** room left on this page, in points */
  get room(): number {
    return this.bottomLimit - this.y;
  }

  /** the usable height of a fresh page */
  get pageRoom(): number {
    return this.bottomLimit - this.margin.top;
  }

  newPage(): void {
    this.page = this.doc.addPage(this.pageSize);
    this.pages.push(this.page);
    this.y = this.margin.top;
    this.continuation?.();
  }

  /** a fresh page unless `height` still fits on this one; true when a page was started */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottomLimit || this.y <= this.margin.top) return false;
    this.newPage();
    return true;
  }

  space(h: number): void {
    this.y += h;
  }

  font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  lineHeight(size: number): number {
    return size * LINE;
  }

  /** draw one line with its top at the cursor's y (no wrapping, no page break) */
  drawLine(text: string, x: number, top: number, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = this.font(style);
    const t = printable(font, text);
    if (!t.trim()) return;
    // baseline sits ~0.8 of the size below the top of the line box
    this.page.drawText(t, { x, y: this.pageSize[1] - top - size * 0.95, size, font, color: style.color ?? INK });
  }

  textWidth(text: string, style: TextStyle = {}): number {
    const font = this.font(style);
    return font.widthOfTextAtSize(printable(font, text), style.size ?? 10);
  }

  /**
   * Lines of at most `width` points. Words longer than the line are broken between characters;
   * explicit newlines are kept.
   */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    const size = style.size ?? 10;
    const font = this.font(style);
    const out: string[] = [];
    const measure = (s: string) => font.widthOfTextAtSize(s, size);
    for (const para of text.split(/\r?\n/)) {
      const words = printable(font, para)
        .split(/ +/)
        .filter((w, i, all) => w !== '' || all.length === 1);
      let line = '';
      for (const word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (measure(candidate) <= width) {
          line = candidate;
          continue;
        }
        if (line) out.push(line);
        line = '';
        if (measure(word) <= width) {
          line = word;
          continue;
        }
        // A word wider than the line (ENTITY_NAME_MISMATCH in a narrow column, a name without
        // spaces): break after _ - / where possible, else where it overflows.
        let piece = '';
        for (const part of word.split(/(?<=[_\-/.,])/)) {
          if (!piece || measure(piece + part) <= width) {
            if (measure(piece + part) <= width) {
              piece += part;
              continue;
            }
          } else {
            out.push(piece);
            piece = '';
            if (measure(part) <= width) {
              piece = part;
              continue;
            }
          }
          for (const ch of part) {
            if (piece && measure(piece + ch) > width) {
              out.push(piece);
              piece = '';
            }
            piece += ch;
          }
        }
        line = piece;
      }
      out.push(line);
    }
    return out;
  }

  /** wrapped text at the cursor, breaking pages between lines */
  paragraph(text: string, style: TextStyle & { indent?: number; after?: number } = {}): void {
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const lh = this.lineHeight(size);
    for (const line of this.wrap(text, this.width - indent, style)) {
      this.ensure(lh);
      this.drawLine(line, this.left + indent, this.y, style);
      this.y += lh;
    }
    this.y += style.after ?? 2;
  }

  heading(text: string, size = 13): void {
    // keep a heading with at least a few lines of what follows it
    this.ensure(this.lineHeight(size) + 48);
    this.y += 6;
    this.drawLine(text, this.left, this.y, { size, bold: true });
    this.y += this.lineHeight(size);
    this.rule();
    this.y += 4;
  }

  rule(color: RGB = RULE): void {
    const y = this.pageSize[1] - this.y;
    this.page.drawLine({ start: { x: this.left, y }, end: { x: this.left + this.width, y }, thickness: 0.6, color });
  }

  /** label: value rows; values wrap under themselves */
  keyValues(
    rows: { label: string; value: string; color?: RGB; bold?: boolean }[],
    opts: { labelWidth?: number; size?: number } = {},
  ): void {
    const size = opts.size ?? 10;
    const labelWidth = opts.labelWidth ?? 150;
    const lh = this.lineHeight(size);
    for (const r of rows) {
      const lines = this.wrap(r.value || '—', this.width - labelWidth, { size, bold: r.bold });
      this.ensure(Math.min(lines.length, 3) * lh);
      this.drawLine(r.label, this.left, this.y, { size, color: MUTED });
      lines.forEach((line, i) => {
        if (i > 0 && this.ensure(lh))
          this.drawLine(`${r.label} (continued)`, this.left, this.y, { size, color: MUTED });
        this.drawLine(line, this.left + labelWidth, this.y, {
          size,
          bold: r.bold,
          color: r.color ?? (r.value ? INK : MUTED),
        });
        this.y += lh;
      });
      this.y += 1.5;
    }
  }

  /**
   * A table: columns by share of the width, rows as tall as their longest cell. A row that fits on a
   * page is never split; one taller than a page continues line by line. The header repeats on
   * every page the table reaches.
   */
  table(columns: Column[], rows: TableRow[], opts: { size?: number; title?: string } = {}): void {
    const size = opts.size ?? 8.5;
    const lh = this.lineHeight(size);
    const total = columns.reduce((s, c) => s + c.share, 0);
    const widths = columns.map((c) => (c.share / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const headerLines = columns.map((c, i) => this.wrap(c.title, widths[i]! - 2 * PAD, { size, bold: true }));
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lh + 2 * PAD;

    const drawHeader = (continued: boolean) => {
      if (continued && opts.title) {
        this.drawLine(`${opts.title} (continued)`, this.left, this.y, { size, color: MUTED });
        this.y += lh;
      }
      this.page.drawRectangle({
        x: this.left,
        y: this.pageSize[1] - this.y - headerHeight,
        width: this.width,
        height: headerHeight,
        color: SHADE,
      });
      headerLines.forEach((lines, i) =>
        lines.forEach((l, k) => this.drawLine(l, xs[i]! + PAD, this.y + PAD + k * lh, { size, bold: true })),
      );
      this.y += headerHeight;
    };

    const measureRow = (row: TableRow) => {
      const cellLines = columns.map((c, i) =>
        this.wrap(row.cells[i] ?? '', widths[i]! - 2 * PAD, { size, bold: c.bold }),
      );
      const detailLines = row.detail ? this.wrap(row.detail, this.width - 2 * PAD - 8, { size: size - 0.5 }) : [];
      const lineCount = Math.max(1, ...cellLines.map((l) => l.length));
      return {
        cellLines,
        detailLines,
        lineCount,
        height: lineCount * lh + detailLines.length * this.lineHeight(size - 0.5) + 2 * PAD,
      };
    };
    const measured = rows.map(measureRow);
    const previous = this.continuation;
    // the header never stands alone at the foot of a page: it goes with its first row (or what fits of it)
    this.ensure(headerHeight + Math.min(measured[0]?.height ?? lh, this.pageRoom / 3));
    drawHeader(false);
    this.continuation = () => drawHeader(true);
    try {
      rows.forEach((row, r) => {
        const { cellLines, detailLines, lineCount, height: rowHeight } = measured[r]!;
        if (rowHeight <= this.pageRoom - headerHeight - lh) this.ensure(rowHeight);
        // Cell by cell, so a reader (and copy-paste) gets each cell's text in one piece; a row
        // taller than what is left of the page continues on the next in as many chunks as needed.
        this.y += PAD;
        for (let k = 0; k < lineCount; ) {
          if (this.ensure(lh + PAD)) this.y += PAD;
          const n = Math.min(lineCount - k, Math.max(1, Math.floor(this.room / lh)));
          columns.forEach((c, i) => {
            for (let j = k; j < k + n; j++) {
              const l = cellLines[i]![j];
              if (l)
                this.drawLine(l, xs[i]! + PAD, this.y + (j - k) * lh, { size, bold: c.bold, color: row.colors?.[i] });
            }
          });
          this.y += n * lh;
          k += n;
        }
        for (const d of detailLines) {
          if (this.ensure(this.lineHeight(size - 0.5) + PAD)) this.y += PAD;
          this.drawLine(d, this.left + PAD + 8, this.y, { size: size - 0.5, color: MUTED });
          this.y += this.lineHeight(size - 0.5);
        }
        this.y += PAD;
        this.rule();
      });
    } finally {
      this.continuation = previous;
    }
    this.y += 6;
  }

  /**
   * Short items (phone numbers) in `columns` columns, filled row by row, continuing on new pages
   * under "<title> (continued)".
   */
  grid(items: string[], opts: { columns: number; title: string; size?: number; indent?: number }): void {
    const size = opts.size ?? 10;
    const lh = this.lineHeight(size);
    const indent = opts.indent ?? 0;
    const colWidth = (this.width - indent) / opts.columns;
    const previous = this.continuation;
    this.continuation = () => {
      this.drawLine(`${opts.title} (continued)`, this.left, this.y, { size, bold: true });
      this.y += lh + 2;
    };
    try {
      for (let i = 0; i < items.length; i += opts.columns) {
        this.ensure(lh);
        items.slice(i, i + opts.columns).forEach((item, k) => {
          const text = this.wrap(item, colWidth - 6, { size })[0] ?? '';
          this.drawLine(text, this.left + indent + k * colWidth, this.y, { size });
        });
        this.y += lh;
      }
    } finally {
      this.continuation = previous;
    }
    this.y += 4;
  }

  /** a labelled blank line to write on by hand */
  blank(label: string, opts: { width?: number; x?: number; size?: number } = {}): void {
    const size = opts.size ?? 10;
    const x = opts.x ?? this.left;
    const labelWidth = this.textWidth(label, { size }) + 6;
    const lineWidth = opts.width ?? 220;
    this.drawLine(label, x, this.y, { size });
    const baseline = this.pageSize[1] - this.y - size * 1.1;
    this.page.drawLine({
      start: { x: x + labelWidth, y: baseline },
      end: { x: x + labelWidth + lineWidth, y: baseline },
      thickness: 0.7,
      color: INK,
    });
  }
}

/** "Page i of n" and a title in the bottom margin of the pages PortDesk drew (never on received pages). */
export function stampFooters(
  pages: { page: PDFPage; index: number }[],
  total: number,
  fonts: Fonts,
  title: string,
): void {
  for (const { page, index } of pages) {
    const { width } = page.getSize();
    const text = printable(fonts.regular, `${title} · page ${index + 1} of ${total}`);
    const size = 8;
    const w = fonts.regular.widthOfTextAtSize(text, size);
    page.drawText(text, { x: width - 54 - w, y: 30, size, font: fonts.regular, color: MUTED });
  }
}
