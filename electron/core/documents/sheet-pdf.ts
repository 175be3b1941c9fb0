/**
 * A plain one-page PDF of captioned values and paragraphs, with a real text layer: what PortDesk
 * writes when a document's values came from somewhere other than a file (a CSR from the carrier's
 * API, the sample cases' documents), so it reads back through the same pipeline as an upload.
 */

export type SheetBlock =
  | { kind: 'row'; label: string; value: string }
  | { kind: 'text'; text: string; bold?: boolean }
  | { kind: 'gap' };

/** Standard PDF fonts speak WinAnsi only: anything else is replaced, never a crash. */
export function pdfText(s: string): string {
  return s.replace(/[^\x20-\x7E\u00A0-\u00FF]/g, '?');
}

export function wrap(text: string, width: number, maxLines = 12): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.slice(0, maxLines);
}

/** `title` heads the page; `metaTitle` is the file's title (what a PDF viewer's window shows). */
export async function sheetPdf(title: string, blocks: SheetBlock[], metaTitle = title): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setProducer('PortDesk (pdf-lib)');
  doc.setTitle(pdfText(metaTitle));
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = 730;
  page.drawText(pdfText(title), { x: 56, y, size: 18, font: bold });
  y -= 36;
  for (const b of blocks) {
    if (b.kind === 'gap') y -= 10;
    else if (b.kind === 'text') {
      for (const line of wrap(pdfText(b.text), 90)) {
        page.drawText(line, { x: 56, y, size: 11, font: b.bold ? bold : font });
        y -= 15;
      }
      y -= 4;
    } else {
      page.drawText(pdfText(`${b.label}:`), { x: 56, y, size: 11, font: bold });
      for (const line of wrap(pdfText(b.value), 60)) {
        page.drawText(line, { x: 220, y, size: 11, font });
        y -= 16;
      }
      y -= 6;
    }
  }
  return doc.save();
}
