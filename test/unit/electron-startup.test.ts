import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.js';
import { SafeStorageSecretStore, type SafeStorageLike } from '../../electron/main/safe-storage.js';
import {
  claimSingleInstance,
  startOrExplain,
  type AppLike,
  type FocusableWindowLike,
} from '../../electron/main/startup.js';
import { tempDir } from '../helpers/tmp.js';

/** Stands in for Electron's safeStorage: a real cipher under a key only this "keychain" holds. */
function fakeKeychain(available = true): SafeStorageLike & { uses: number } {
  const key = crypto.randomBytes(32);
  const iv = Buffer.alloc(16, 7);
  return {
    uses: 0,
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      this.uses++;
      const c = crypto.createCipheriv('aes-256-cbc', key, iv);
      return Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    },
    decryptString(encrypted) {
      this.uses++;
      const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
      return Buffer.concat([d.update(encrypted), d.final()]).toString('utf8');
    },
  };
}

function fakeApp(hasLock = true) {
  const rec = { quits: 0, secondInstance: undefined as undefined | (() => void), errors: [] as [string, string][] };
  const app: AppLike = {
    requestSingleInstanceLock: () => hasLock,
    quit: () => void rec.quits++,
    on: (_event, listener) => {
      rec.secondInstance = listener;
    },
  };
  const dialog = { showErrorBox: (title: string, content: string) => void rec.errors.push([title, content]) };
  return { app, dialog, rec };
}

describe('Electron keeps the data key in the OS keychain', () => {
  it('writes the PIN key wrapped by safeStorage, reads PINs back through it, and not without it', async () => {
    const dir = tempDir();
    const keychain = fakeKeychain();
    const secrets = new SafeStorageSecretStore(keychain, path.join(dir, 'secrets'));
    const core = openCore({ dataDir: dir, hostKind: 'electron', secrets });
    const c = await core.call('cases.create', { fields: { entity_name: 'Keychain Co' }, numbersText: '3125550100' });
    await core.call('cases.update', { id: c.id, version: c.version, pin: '48151623' });
    await core.close();

    const keyFile = fs.readFileSync(path.join(dir, 'portdesk.key'), 'utf8');
    expect(keyFile).toMatch(/^portdesk-key-v1 os-keychain /);
    expect(keychain.uses).toBeGreaterThan(0);

    const again = openCore({
      dataDir: dir,
      hostKind: 'electron',
      secrets: new SafeStorageSecretStore(keychain, path.join(dir, 'secrets')),
    });
    expect(await again.call('cases.revealPin', { id: c.id })).toEqual({ pin: '48151623' });
    await again.close();

    // the same folder opened by the CLI (no keychain) cannot read the PIN and says where it can
    const cli = openCore({ dataDir: dir, hostKind: 'loopback' });
    await expect(cli.call('cases.revealPin', { id: c.id })).rejects.toThrow(/desktop app/);
    await cli.close();
  });

  it('falls back to a raw key file when the keychain is not available', () => {
    expect(new SafeStorageSecretStore(fakeKeychain(false), tempDir()).keyWrapper).toBeUndefined();
    expect(new SafeStorageSecretStore(fakeKeychain(true), tempDir()).keyWrapper).toBeDefined();
  });
});

describe('Electron start-up', () => {
  it('a second launch quits at once; the first brings its window forward', () => {
    const second = fakeApp(false);
    expect(claimSingleInstance(second.app, () => [])).toBe(false);
    expect(second.rec.quits).toBe(1);

    const first = fakeApp(true);
    const calls: string[] = [];
    const win: FocusableWindowLike = {
      isDestroyed: () => false,
      isMinimized: () => true,
      restore: () => void calls.push('restore'),
      focus: () => void calls.push('focus'),
    };
    expect(claimSingleInstance(first.app, () => [win])).toBe(true);
    expect(first.rec.quits).toBe(0);
    first.rec.secondInstance!();
    expect(calls).toEqual(['restore', 'focus']);
  });

  it('shows "already running" in a dialog and quits when another PortDesk owns the data folder', async () => {
    const dir = tempDir();
    const serve = openCore({ dataDir: dir, hostKind: 'loopback' });
    serve.startBackground();
    serve.announce({ url: 'http://127.0.0.1:4567/' });
    const { app, dialog, rec } = fakeApp();
    let desktop: ReturnType<typeof openCore> | undefined;
    const started = startOrExplain(app, dialog, () => {
      desktop = openCore({ dataDir: dir, hostKind: 'electron' });
      desktop.startBackground();
      return desktop;
    });
    expect(started).toBeNull();
    expect(rec.quits).toBe(1);
    expect(rec.errors).toHaveLength(1);
    expect(rec.errors[0]![0]).toBe('PortDesk is already running');
    expect(rec.errors[0]![1]).toMatch(/already running on the data folder .*http:\/\/127\.0\.0\.1:4567/);
    await desktop?.close();
    await serve.close();
  });

  it('starts normally when the folder is free', async () => {
    const { app, dialog, rec } = fakeApp();
    const core = startOrExplain(app, dialog, () => {
      const c = openCore({ dataDir: tempDir(), hostKind: 'electron' });
      c.startBackground();
      return c;
    });
    expect(core).not.toBeNull();
    expect(rec.errors).toEqual([]);
    expect(rec.quits).toBe(0);
    await core!.close();
  });
});
