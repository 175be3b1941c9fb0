/**
 * Where secrets (the porting API key) live. Electron backs it with safeStorage; the loopback host and
 * the CLI with the environment or memory. Nothing behind this interface is ever sent to a renderer.
 */
export interface SecretStore {
  readonly kind: 'os-keychain' | 'environment' | 'memory';
  /** when present, the data folder's field key (for PINs at rest) is kept wrapped by it, not raw */
  readonly keyWrapper?: KeyWrapper;
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/**
 * Wraps the data folder's field key synchronously (Electron: safeStorage.encryptString on the key's
 * base64), so the key file beside the database is useless without the OS keychain.
 */
export interface KeyWrapper {
  wrapKey(raw: Buffer): Buffer;
  unwrapKey(wrapped: Buffer): Buffer;
}

export const SECRET_ENV: Record<string, string> = { telnyxApiKey: 'TELNYX_API_KEY' };

export class MemorySecretStore implements SecretStore {
  readonly kind: 'environment' | 'memory';
  private readonly values = new Map<string, string>();
  constructor(env: NodeJS.ProcessEnv = {}) {
    for (const [name, variable] of Object.entries(SECRET_ENV)) {
      const v = env[variable];
      if (v) this.values.set(name, v);
    }
    this.kind = this.values.size ? 'environment' : 'memory';
  }
  async get(name: string) {
    return this.values.get(name) ?? null;
  }
  async set(name: string, value: string) {
    this.values.set(name, value);
  }
  async delete(name: string) {
    this.values.delete(name);
  }
}
