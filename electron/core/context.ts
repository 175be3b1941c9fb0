import os from 'node:os';
import path from 'node:path';
import type { CaseRepository } from './cases/repo.js';
import type { AuditLog } from './db/audit.js';
import type { Db } from './db/open.js';
import type { SettingsRepository } from './db/settings.js';
import type { DocumentRepository, FileStore } from './documents/store.js';
import type { EventBus } from './events.js';
import type { PortingStore } from './porting/store.js';
import type { SecretStore } from './secrets.js';

export type HostKind = 'electron' | 'loopback';

/**
 * Native capabilities only a desktop host has (file and folder pickers). The Electron main process
 * provides them; in the loopback host they are absent and the renderer uses uploads and downloads.
 */
export interface HostServices {
  pickFiles?(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string[]>;
  pickFolder?(options: { title: string }): Promise<string | null>;
  /** a desktop notification that opens the case (or the Due view when caseId is null) when clicked; due/notifier.ts decides when */
  notify?(notification: { title: string; body: string; caseId: number | null }): void;
}

/**
 * The repositories and infrastructure of one core, built once by createCore (index.ts). Services
 * (documents reading, blocker freshness, porting) are built on top of it and reach handlers
 * beside it (handlers/types.ts); nothing here depends on a service.
 */
export interface CoreContext {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly db: Db;
  readonly hostKind: HostKind;
  /** this process holds the data folder's instance lock (db/instance-lock.ts) */
  readonly instanceOwner: boolean;
  readonly cases: CaseRepository;
  readonly documents: { readonly repo: DocumentRepository; readonly files: FileStore };
  readonly porting: PortingStore;
  readonly settings: SettingsRepository;
  readonly audit: AuditLog;
  readonly events: EventBus;
  readonly secrets: SecretStore;
  readonly hostServices: HostServices;
  readonly now: () => Date;
  actor(): string;
  setActor(name: string): void;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg =
    env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : path.join(os.homedir(), '.local', 'share');
  return path.join(xdg, 'portdesk');
}

export function osActor(): string {
  try {
    return os.userInfo().username || 'specialist';
  } catch {
    return 'specialist';
  }
}
