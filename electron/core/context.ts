import os from 'node:os';
import path from 'node:path';
import type { Db } from './db/open.js';
import type { CaseRepository } from './cases/repo.js';
import type { EventBus } from './events.js';
import type { SecretStore } from './secrets.js';

export type HostKind = 'electron' | 'loopback';

/**
 * Native capabilities only a desktop host has (file and folder pickers). The Electron main process
 * provides them; in the loopback host they are absent and the renderer uses uploads and downloads.
 */
export interface HostServices {
  pickFiles?(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string[]>;
  pickFolder?(options: { title: string }): Promise<string | null>;
}

/** What every handler may use. Built once per data directory by openCore. */
export interface CoreContext {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly db: Db;
  readonly hostKind: HostKind;
  /** this process holds the data folder's instance lock (db/instance-lock.ts) */
  readonly instanceOwner: boolean;
  readonly cases: CaseRepository;
  readonly events: EventBus;
  readonly secrets: SecretStore;
  readonly hostServices: HostServices;
  readonly now: () => Date;
  actor(): string;
  setActor(name: string): void;
  /** register cleanup for background services (job runners, pollers) */
  onClose(fn: () => Promise<void> | void): void;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(os.homedir(), '.local', 'share');
  return path.join(xdg, 'portdesk');
}

export function osActor(): string {
  try {
    return os.userInfo().username || 'specialist';
  } catch {
    return 'specialist';
  }
}

/** A background service of one core: started once, closed with the core. */
export interface CoreService {
  start(): void;
  close(): Promise<void> | void;
}

/**
 * One long-lived service per core, created and started on first use and closed with the core.
 * Options reach the service only on that first call (tests use this).
 */
export function perCoreService<S extends CoreService, O = never>(create: (ctx: CoreContext, opts?: O) => S): (ctx: CoreContext, opts?: O) => S {
  const services = new WeakMap<CoreContext, S>();
  return (ctx, opts) => {
    let svc = services.get(ctx);
    if (!svc) {
      const created = create(ctx, opts);
      services.set(ctx, created);
      ctx.onClose(() => created.close());
      created.start();
      svc = created;
    }
    return svc;
  };
}
