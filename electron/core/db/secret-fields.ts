import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/rpc.js';
import type { KeyWrapper } from '../secrets.js';
import { writePrivateFile } from './private-files.js';

/**
 * Secret fields (port-out PINs) are stored sealed with AES-256-GCM under a per-data-folder key.
 * The key lives in `portdesk.key` (0600) beside the database: raw in browser mode, wrapped by the OS
 * keychain when the host supplies a KeyWrapper (Electron's safeStorage). A copied database file alone
 * therefore holds no PIN, and secure_delete keeps replaced values out of free pages.
 */
export const KEY_FILE_NAME = 'portdesk.key';
const SEALED_PREFIX = 'enc1:';
const KEY_HEADER = 'portdesk-key-v1';

export class FieldCipher {
  // GCM needs a nonce never reused under one key: 8 random bytes per cipher instance and a counter.
  // Cheaper than 12 fresh random bytes per value (a 50,000-row import seals 50,000 PINs).
  private noncePrefix = crypto.randomBytes(8);
  private counter = 0;
  constructor(private readonly key: () => Buffer) {}

  private nonce(): Buffer {
    if (this.counter === 0xffffffff) {
      this.noncePrefix = crypto.randomBytes(8);
      this.counter = 0;
    }
    const iv = Buffer.alloc(12);
    this.noncePrefix.copy(iv, 0);
    iv.writeUInt32BE(this.counter++, 8);
    return iv;
  }

  static isSealed(value: string): boolean {
    return value.startsWith(SEALED_PREFIX);
  }

  seal(plain: string): string {
    const iv = this.nonce();
    const c = crypto.createCipheriv('aes-256-gcm', this.key(), iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
  }

  /** Plain text stays readable (a row written before the seal): the migration seals it on the next open. */
  open(stored: string): string {
    if (!FieldCipher.isSealed(stored)) return stored;
    const raw = Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64');
    const key = this.key(); // outside the try: a key file that cannot be read says why itself
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    } catch {
      throw new AppError(
        'SECRET_UNREADABLE',
        'A stored PIN cannot be decrypted: the key file portdesk.key beside the database is missing or belongs to another data folder. Restore that file, or enter the PIN again.',
      );
    }
  }

  sealNullable(plain: string | null | undefined): string | null {
    return plain ? this.seal(plain) : null;
  }

  openNullable(stored: string | null): string | null {
    return stored === null || stored === '' ? stored : this.open(stored);
  }
}

function readKeyFile(file: string, wrapper?: KeyWrapper): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const [header, kind, body] = text.split(' ');
  if (header !== KEY_HEADER || !body) {
    throw new AppError(
      'SECRET_UNREADABLE',
      `${file} is not a PortDesk key file. Restore it from a backup of this data folder; PINs cannot be read without it.`,
    );
  }
  if (kind === 'raw') return Buffer.from(body, 'base64');
  if (!wrapper) {
    throw new AppError(
      'SECRET_UNREADABLE',
      "The PINs in this data folder are locked with the desktop app's OS keychain; open the case in the PortDesk desktop app.",
    );
  }
  return wrapper.unwrapKey(Buffer.from(body, 'base64'));
}

function writeKeyFile(file: string, key: Buffer, wrapper?: KeyWrapper): void {
  const line = wrapper
    ? `${KEY_HEADER} os-keychain ${wrapper.wrapKey(key).toString('base64')}`
    : `${KEY_HEADER} raw ${key.toString('base64')}`;
  writePrivateFile(file, line + '\n');
}

/**
 * The key of one data folder, created on first use. With a wrapper a raw key file (written by the
 * CLI or an older build) is re-wrapped so the keychain guards it from then on.
 */
export function loadDataKey(dataDir: string, wrapper?: KeyWrapper): Buffer {
  const file = path.join(dataDir, KEY_FILE_NAME);
  const existing = readKeyFile(file, wrapper);
  if (existing) {
    if (wrapper && fs.readFileSync(file, 'utf8').includes(' raw ')) writeKeyFile(file, existing, wrapper);
    return existing;
  }
  const key = crypto.randomBytes(32);
  writeKeyFile(file, key, wrapper);
  return key;
}

/** The key is loaded when a secret is first sealed or opened, so a folder without PINs needs no key. */
export function fieldCipherFor(dataDir: string, wrapper?: KeyWrapper): FieldCipher {
  let key: Buffer | null = null;
  return new FieldCipher(() => (key ??= loadDataKey(dataDir, wrapper)));
}
