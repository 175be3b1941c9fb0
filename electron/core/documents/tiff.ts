import { corruptImageError, TIFF_TYPE_SIZE } from './limits.js';

/*
 * Multi-page TIFF (fax scans, office scanners) without a TIFF decoder: Leptonica inside
 * tesseract.js decodes every usual compression (G3/G4, LZW, PackBits, Deflate, JPEG) but reads only
 * the first page. So each page is cut out into a single-page TIFF — its directory, the values it
 * points at and its strips/tiles copied, offsets rewritten — and handed over as-is.
 */

/** tags pointing at other directories or old-style JPEG streams: meaningless once cut out */
const DROP = new Set([330, 513, 514, 34665, 34853, 40965]);
const OFFSETS_FOR: Record<number, number> = { 273: 279, 324: 325 }; // StripOffsets→StripByteCounts, TileOffsets→TileByteCounts

interface Entry {
  tag: number;
  type: number;
  count: number;
  valueAt: number;
}

export function tiffPageCount(bytes: Uint8Array): number {
  return directories(bytes).length;
}

/** Page `index` (0-based) as a standalone single-page TIFF. */
export function extractTiffPage(bytes: Uint8Array, index: number): Uint8Array {
  const dirs = directories(bytes);
  const entriesAll = dirs[index];
  if (!entriesAll) throw corruptImageError('TIFF', `no page ${index + 1}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  const entries = entriesAll.filter((e) => !DROP.has(e.tag));
  const readUint = (e: Entry, k: number) =>
    e.type === 3 ? dv.getUint16(e.valueAt + k * 2, le) : dv.getUint32(e.valueAt + k * 4, le);

  const ifdSize = 2 + entries.length * 12 + 4;
  const chunks: Uint8Array[] = [];
  let cursor = 8 + ifdSize;
  const append = (data: Uint8Array): number => {
    const at = cursor;
    chunks.push(data);
    cursor += data.length;
    if (cursor % 2) {
      chunks.push(new Uint8Array(1));
      cursor++;
    } // TIFF values start on word boundaries
    return at;
  };
  const out = new Map<number, { type: number; count: number; inline?: Uint8Array; offset?: number }>();

  for (const e of entries) {
    const countsTag = OFFSETS_FOR[e.tag];
    if (countsTag !== undefined) {
      const counts = entries.find((c) => c.tag === countsTag);
      if (!counts || counts.count !== e.count) throw corruptImageError('TIFF', 'strip sizes missing');
      const offsets = new Uint8Array(e.count * 4);
      const odv = new DataView(offsets.buffer);
      for (let k = 0; k < e.count; k++) {
        const from = readUint(e, k),
          len = readUint(counts, k);
        if (from + len > bytes.length) throw corruptImageError('TIFF', 'image data cut short');
        odv.setUint32(k * 4, append(bytes.subarray(from, from + len)), le);
      }
      // Offsets are always rewritten as LONGs: the new file may be laid out differently.
      out.set(
        e.tag,
        e.count === 1 ? { type: 4, count: 1, inline: offsets } : { type: 4, count: e.count, offset: append(offsets) },
      );
      continue;
    }
    const size = (TIFF_TYPE_SIZE[e.type] ?? 1) * e.count;
    if (e.valueAt + size > bytes.length) throw corruptImageError('TIFF', 'directory points past the end');
    const value = bytes.subarray(e.valueAt, e.valueAt + size);
    out.set(
      e.tag,
      size <= 4
        ? { type: e.type, count: e.count, inline: value }
        : { type: e.type, count: e.count, offset: append(value) },
    );
  }

  const result = new Uint8Array(cursor);
  const rdv = new DataView(result.buffer);
  result.set(bytes.subarray(0, 4), 0);
  rdv.setUint32(4, 8, le);
  rdv.setUint16(8, entries.length, le);
  let at = 10;
  for (const e of entries) {
    const v = out.get(e.tag)!;
    rdv.setUint16(at, e.tag, le);
    rdv.setUint16(at + 2, v.type, le);
    rdv.setUint32(at + 4, v.count, le);
    if (v.inline) result.set(v.inline, at + 8);
    else rdv.setUint32(at + 8, v.offset!, le);
    at += 12;
  }
  rdv.setUint32(at, 0, le); // no next page
  let pos = 8 + ifdSize;
  for (const c of chunks) {
    result.set(c, pos);
    pos += c.length;
  }
  return result;
}

function directories(bytes: Uint8Array): Entry[][] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8) throw corruptImageError('TIFF', 'truncated header');
  const le = bytes[0] === 0x49;
  const dirs: Entry[][] = [];
  const seen = new Set<number>();
  let ifd = dv.getUint32(4, le);
  while (ifd !== 0) {
    if (seen.has(ifd) || ifd + 2 > bytes.length || dirs.length > 1000)
      throw corruptImageError('TIFF', 'bad page directory');
    seen.add(ifd);
    const n = dv.getUint16(ifd, le);
    if (ifd + 2 + n * 12 + 4 > bytes.length) throw corruptImageError('TIFF', 'truncated page directory');
    const entries: Entry[] = [];
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + i * 12;
      const type = dv.getUint16(e + 2, le),
        count = dv.getUint32(e + 4, le);
      const inline = (TIFF_TYPE_SIZE[type] ?? 1) * count <= 4;
      entries.push({ tag: dv.getUint16(e, le), type, count, valueAt: inline ? e + 8 : dv.getUint32(e + 8, le) });
    }
    dirs.push(entries);
    ifd = dv.getUint32(ifd + 2 + n * 12, le);
  }
  return dirs;
}
