import { AppError } from '../../../shared/contract/rpc.js';

/** The file types PortDesk can read. Decided from the bytes: a renamed .docx stays a .docx. */
export const READABLE_MIMES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;
export type ReadableMime = (typeof READABLE_MIMES)[number];

export type Sniffed = { ok: true; mime: ReadableMime } | { ok: false; looksLike: string };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

/** `%PDF-` may follow a little junk (some mail gateways and scanners prepend bytes); readers accept 1 KB. */
export function pdfHeaderOffset(b: Uint8Array): number {
  const head = ascii(b, 0, 1024);
  return head.indexOf('%PDF-');
}

/** What the bytes are, or a person's name for what they look like. */
export function sniff(b: Uint8Array): Sniffed {
  if (b.length === 0) return { ok: false, looksLike: 'an empty file' };
  if (pdfHeaderOffset(b) >= 0) return { ok: true, mime: 'application/pdf' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, mime: 'image/png' };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { ok: true, mime: 'image/jpeg' };
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]))
    return { ok: true, mime: 'image/tiff' };
  return { ok: false, looksLike: describeUnsupported(b) };
}

function describeUnsupported(b: Uint8Array): string {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    // Office Open XML and OpenDocument are ZIPs; their member names are stored uncompressed.
    const names = ascii(b, 0, Math.min(b.length, 64 * 1024));
    if (names.includes('word/')) return 'a Word document';
    if (names.includes('xl/')) return 'an Excel spreadsheet';
    if (names.includes('ppt/')) return 'a PowerPoint presentation';
    if (names.includes('application/vnd.oasis.opendocument')) return 'an OpenDocument file';
    return 'a ZIP file';
  }
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return 'an old-style Office file (Word, Excel or Outlook message)';
  if (startsWith(b, [0x49, 0x49, 0x2b, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2b])) return 'a BigTIFF image';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'a GIF image';
  if (ascii(b, 0, 2) === 'BM') return 'a BMP image';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'a WebP image';
  if (ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (/^(heic|heix|hevc|mif1|msf1|heim|heis)$/.test(brand)) return 'a HEIC photo (iPhone)';
    if (brand === 'avif') return 'an AVIF image';
    return 'a video or MP4-family file';
  }
  if (startsWith(b, [0x1f, 0x8b])) return 'a gzip archive';
  if (ascii(b, 0, 4) === 'Rar!') return 'a RAR archive';
  if (startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'a 7-Zip archive';
  if (ascii(b, 0, 5) === '{\\rtf') return 'an RTF document';
  if (startsWith(b, [0x25, 0x21])) return 'a PostScript file';
  const text = looksLikeText(b);
  if (text) {
    const head = new TextDecoder().decode(b.subarray(0, 2048)).trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'a web page (HTML)';
    if (head.startsWith('<?xml') || head.startsWith('<svg'))
      return head.includes('<svg') ? 'an SVG image' : 'an XML file';
    if (/^(from[: ]|subject:|received:|return-path:|mime-version:|message-id:)/m.test(head)) return 'an e-mail message';
    return 'text';
  }
  return 'an unknown binary file';
}

function looksLikeText(b: Uint8Array): boolean {
  const sample = b.subarray(0, 4096);
  let printable = 0;
  for (const c of sample) {
    if (c === 0) return false;
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127)) printable++;
  }
  if (printable / sample.length < 0.95) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, Math.max(0, sample.length - 4)));
    return true;
  } catch {
    // Latin-1 text is still text; anything with many high bytes is not.
    return sample.filter((c) => c >= 128).length / sample.length < 0.3;
  }
}

/** Throws the UNSUPPORTED_FILE error a person can act on. */
export function requireReadable(b: Uint8Array, name?: string): ReadableMime {
  const s = sniff(b);
  if (s.ok) return s.mime;
  const what = name ? `"${name}" ` : 'The file ';
  if (s.looksLike === 'an empty file') {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `${what}is empty (0 bytes). Attach the document again; the copy may not have finished.`,
    );
  }
  throw new AppError(
    'UNSUPPORTED_FILE',
    `${what}looks like ${s.looksLike}, not a PDF or an image. PortDesk reads PDF, PNG, JPEG and TIFF: save or print it as a PDF and attach that.`,
    { looksLike: s.looksLike },
  );
}
