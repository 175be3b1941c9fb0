import fs from 'node:fs';
import path from 'node:path';
import type { KeyWrapper, SecretStore } from '../core/secrets.js';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Secrets encrypted by the OS keychain (safeStorage), kept as ciphertext in the data directory. */
export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'os-keychain' as const;
  constructor(
    private readonly safe: SafeStorageLike,
    private readonly dir: string,
  ) {}
  /** The data folder's field key (sealing PINs) is kept wrapped by the keychain, when it is available. */
  get keyWrapper(): KeyWrapper | undefined {
    if (!this.safe.isEncryptionAvailable()) return undefined;
    return {
      wrapKey: (raw: Buffer) => this.safe.encryptString(raw.toString('base64')),
      unwrapKey: (wrapped: Buffer) => Buffer.from(this.safe.decryptString(wrapped), 'base64'),
    };
  }
  private file(name: string) {
    return path.join(this.dir, `${name.replace(/[^a-z0-9_-]/gi, '_')}.secret`);
  }
  async get(name: string) {
    const f = this.file(name);
    if (!fs.existsSync(f)) return null;
    return this.safe.decryptString(fs.readFileSync(f));
  }
  async set(name: string, value: string) {
    if (!this.safe.isEncryptionAvailable())
      throw new Error('The OS keychain is not available; the API key cannot be stored safely.');
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(this.file(name), this.safe.encryptString(value), { mode: 0o600 });
  }
  async delete(name: string) {
    fs.rmSync(this.file(name), { force: true });
  }
}
