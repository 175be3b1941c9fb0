import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { requireReadable, sniff } from '../../electron/core/documents/sniff.js';
import { AppError } from '../../shared/contract/rpc.js';

const bytes = (...v: number[]) => new Uint8Array(v);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniff decides the type from the bytes', () => {
  it.each([
    ['PDF', text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
    ['PDF after junk bytes', text('\r\nGARBAGE%PDF-1.4\n'), 'application/pdf'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16), 'image/jpeg'],
    ['little-endian TIFF', bytes(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0), 'image/tiff'],
    ['big-endian TIFF', bytes(0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8), 'image/tiff'],
  ])('%s', (_label, b, mime) => {
    expect(sniff(b)).toEqual({ ok: true, mime });
  });

  it.each([
    [
      'a Word document',
      zipSync(
        { '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') },
        { level: 0 },
      ),
    ],
    [
      'an Excel spreadsheet',
      zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }),
    ],
    ['a ZIP file', zipSync({ 'scan.pdf': strToU8('%PDF-1.4 inside a zip') })],
    [
      'an old-style Office file (Word, Excel or Outlook message)',
      bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0),
    ],
    ['a GIF image', text('GIF89a\x01\x00\x01\x00')],
    ['a HEIC photo (iPhone)', bytes(0, 0, 0, 24, ...text('ftypheic'), 0, 0, 0, 0)],
    ['a web page (HTML)', text('<!DOCTYPE html><html><body>LOA</body></html>')],
    ['text', text('Account number: 12345\nBTN: 212-555-0100\n')],
    ['an e-mail message', text('From: carrier@example.com\nSubject: CSR\n\nsee attached')],
    ['an unknown binary file', bytes(1, 2, 3, 0, 0, 250, 251, 252, 0, 7)],
  ])('refuses %s and says what it looks like', (looksLike, b) => {
    expect(sniff(b)).toEqual({ ok: false, looksLike });
    expect(() => requireReadable(b, 'loa.pdf')).toThrowError(
      new RegExp(`"loa\\.pdf" looks like ${looksLike.replace(/[()]/g, '\\$&')}, not a PDF`),
    );
  });

  it('ignores the extension: a Word file named .pdf is still refused as Word', () => {
    const docx = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    try {
      requireReadable(docx, 'invoice.pdf');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('UNSUPPORTED_FILE');
      expect((e as AppError).message).toContain('a Word document');
      expect((e as AppError).message).toContain('print it as a PDF');
    }
  });

  it('an empty file gets its own message', () => {
    expect(() => requireReadable(new Uint8Array(0))).toThrowError(/is empty \(0 bytes\)/);
  });
});
