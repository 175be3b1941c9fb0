/**
 * Whether an image file is cut short (a download or copy that stopped early). Decoders read such a
 * file without complaint and leave the missing rows empty; PortDesk reads what decoded and says
 * the page is partial instead of passing it off as whole.
 */
export function imageCutShort(b: Uint8Array, mime: 'image/png' | 'image/jpeg'): boolean {
  return mime === 'image/png' ? pngCutShort(b) : jpegCutShort(b);
}

/** A PNG whose chunk list runs off the end of the file before IEND. */
function pngCutShort(b: Uint8Array): boolean {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 8;
  while (at + 8 <= b.length) {
    const length = dv.getUint32(at);
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
    if (type === 'IEND') return false;
    at += 12 + length;
  }
  return true;
}

/** A JPEG without its end-of-image marker (FF D9) near the end (some writers pad after it). */
function jpegCutShort(b: Uint8Array): boolean {
  for (let i = b.length - 2; i >= Math.max(2, b.length - 4096); i--) {
    if (b[i] === 0xff && b[i + 1] === 0xd9) return false;
  }
  return true;
}

/**
 * Rows that decoded, from the RGBA pixels of a truncated image drawn on a transparent canvas: the
 * decoder leaves the missing rows fully transparent.
 */
export function decodedRows(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): number {
  for (let row = height - 1; row >= 0; row--) {
    const start = row * width * 4;
    for (let i = start + 3; i < start + width * 4; i += 4) if (rgba[i] !== 0) return row + 1;
  }
  return 0;
}

export function partialImageReason(rows: number, height: number): string {
  return `the image ends at row ${rows} of ${height} (the file is cut short); only the part above was read`;
}
