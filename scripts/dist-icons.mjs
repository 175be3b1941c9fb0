// Icons for the three platforms from the one committed source, resources/build/icon.svg:
// icon.png (1024², Linux), icon.icns (macOS) and icon.ico (Windows). ICNS and ICO are containers of
// PNGs, written here directly; the SVG is rasterised by @napi-rs/canvas (already a dependency), so
// neither CI nor a release machine needs anything else. Output is git-ignored and rebuilt by the
// dist scripts.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..', 'resources', 'build');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'));

// One SVG decode at 1024², then halved step by step down to each size (a clean downscale; one big
// jump aliases). Sequential on purpose: parallel SVG decodes in @napi-rs/canvas have crashed here.
const image = await loadImage(svg);
function png(size) {
  let src = image;
  let at = 1024;
  while (at / 2 >= size) {
    at /= 2;
    const half = createCanvas(at, at);
    half.getContext('2d').drawImage(src, 0, 0, at, at);
    src = half;
  }
  const canvas = createCanvas(size, size);
  canvas.getContext('2d').drawImage(src, 0, 0, size, size);
  return canvas.toBuffer('image/png');
}

/** ICO: a directory of PNG images (Vista+); 256 is written as 0 in the one-byte size fields. */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

/** ICNS: 'icns' + total length, then (OSType, length incl. 8-byte header, PNG) per entry. */
function icns(entries) {
  const chunks = entries.map(({ type, data }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const total = 8 + chunks.reduce((n, c) => n + c.length, 0);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(total, 4);
  return Buffer.concat([h, ...chunks]);
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const pngs = new Map(sizes.map((s) => [s, png(s)]));
fs.writeFileSync(path.join(dir, 'icon.png'), pngs.get(1024));
fs.writeFileSync(
  path.join(dir, 'icon.ico'),
  ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: pngs.get(size) }))),
);
// ic11/ic12/ic13/ic14 are the @2x variants of 16/32/128/256 pt
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];
fs.writeFileSync(path.join(dir, 'icon.icns'), icns(ICNS_TYPES.map(([type, size]) => ({ type, data: pngs.get(size) }))));
console.log(
  `icons: ${['icon.png', 'icon.icns', 'icon.ico'].map((f) => `resources/build/${f} ${fs.statSync(path.join(dir, f)).size} B`).join(', ')}`,
);
