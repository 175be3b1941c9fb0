import { AppError } from '../../../shared/contract/rpc.js';

/** A signature pad's drawing is small; anything bigger than this is not a signature. */
const MAX_SIDE = 4000;

/**
 * The signature drawn in the app: a PNG (base64, optionally as a data: URL). Checked before it is
 * placed: a bad image is refused with a reason and nothing is exported.
 */
export function decodeSignature(base64: string): Uint8Array {
  const clean = base64.replace(/^data:image\/png;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) {
    throw new AppError(
      'BAD_INPUT',
      'The signature is not valid base64 PNG data; clear the signature pad and sign again.',
    );
  }
  const buf = Buffer.from(clean, 'base64');
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 33 || !sig.every((v, i) => bytes[i] === v)) {
    throw new AppError(
      'BAD_INPUT',
      'The signature must be a PNG image (as the signature pad produces); clear it and sign again.',
    );
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = dv.getUint32(16);
  const height = dv.getUint32(20);
  if (!width || !height || width > MAX_SIDE || height > MAX_SIDE) {
    throw new AppError(
      'BAD_INPUT',
      `The signature image is ${width}×${height} pixels; it must be between 1 and ${MAX_SIDE} pixels on each side.`,
    );
  }
  return bytes;
}
