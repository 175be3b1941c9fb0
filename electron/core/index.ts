import fs from 'node:fs';
import path from 'node:path';
import type { CoreMethodName, MethodInput, MethodOutput, Envelope } from '../../shared/contract/index.js';
import { AppError } from '../../shared/contract/rpc.js';
import { CaseRepository } from './cases/repo.js';
import { defaultDataDir, osActor, type CoreContext, type HostKind, type HostServices } from './context.js';
import { alreadyRunning, InstanceLock } from './db/instance-lock.js';
import { openDatabase, toDbError, type Db } from './db/open.js';
import { ensurePrivateDir } from './db/private-files.js';
import { fieldCipherFor } from './db/secret-fields.js';
import { dispatch } from './dispatch.js';
import { documentsOf } from './documents/jobs.js';
import { configurePorting, portingOf, type PortingOptions } from './porting/service.js';
import { EventBus } from './events.js';
import { handlers } from './handlers/index.js';
import { reviewFreshness } from './review/freshness.js';
import { MemorySecretStore, type SecretStore } from './secrets.js';

export interface CoreOptions {
  dataDir?: string;
  hostKind: HostKind;
  secrets?: SecretStore;
  now?: () => Date;
  actor?: string;
  hostServices?: HostServices;
  /** porting: the simulator endpoint a host started (electron/simulator), timeouts */
  porting?: PortingOptions;
}

export interface Core {
  readonly ctx: CoreContext;
  readonly events: EventBus;
  /** untyped entry for hosts: validates everything */
  dispatch(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** typed entry for in-process callers (CLI, tests); throws AppError on failure */
  call<M extends CoreMethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** long-running hosts only: order tracking and the outbox resume without waiting for the UI.
   *  Throws ALREADY_RUNNING when another live process owns the data folder. */
  startBackground(): void;
  /** the owner tells later processes where to reach it (the loopback host's origin) */
  announce(info: { url?: string }): void;
  close(): Promise<void>;
}

export const DB_FILE_NAME = 'portdesk.sqlite';

export function openCore(opts: CoreOptions): Core {
  const dataDir = path.resolve(opts.dataDir ?? defaultDataDir());
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const secrets: SecretStore = opts.secrets ?? new MemorySecretStore(process.env);
  let lock: InstanceLock | null = null;
  let db: Db | undefined;
  try {
    ensurePrivateDir(dataDir);
    lock = InstanceLock.tryAcquire(dataDir, opts.hostKind);
    db = openDatabase(dbFile, { cipher: fieldCipherFor(dataDir, secrets.keyWrapper) });
    return assemble(opts, dataDir, dbFile, db, secrets, lock);
  } catch (err) {
    db?.close();
    lock?.release();
    // one sentence saying what to do, never a driver stack (a missing or read-only folder, a lock held too long)
    throw toDbError(err, dbFile);
  }
}

function assemble(opts: CoreOptions, dataDir: string, dbFile: string, db: Db, secrets: SecretStore, lock: InstanceLock | null): Core {
  const now = opts.now ?? (() => new Date());
  const events = new EventBus();
  const closers: (() => Promise<void> | void)[] = [];
  const storedActor = (db.prepare("SELECT value FROM settings WHERE key = 'actor'").get() as { value: string } | undefined)?.value;
  let actor = opts.actor ?? storedActor ?? osActor();
  const ctx: CoreContext = {
    dataDir, dbFile, db, hostKind: opts.hostKind, events, now,
    instanceOwner: lock !== null,
    cases: new CaseRepository(db, now),
    secrets,
    hostServices: opts.hostServices ?? {},
    actor: () => actor,
    setActor(name) {
      actor = name;
      db.prepare("INSERT INTO settings (key, value) VALUES ('actor', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(name);
    },
    onClose: (fn) => void closers.push(fn),
  };
  if (opts.porting) configurePorting(ctx, opts.porting);
  // Only the owner resumes reading jobs a crash left behind: "running" ones elsewhere may be a live app's.
  if (lock) documentsOf(ctx);
  reviewFreshness(ctx); // keep the queue's blocker counts current as cases and documents change
  let closed = false;
  return {
    ctx, events,
    dispatch: (name, input) => dispatch(handlers, ctx, name, input),
    async call(name, input) {
      const res = await dispatch(handlers, ctx, name, input);
      if (!res.ok) throw new AppError(res.error.code, res.error.message, res.error.details);
      return res.value as MethodOutput<typeof name>;
    },
    startBackground() {
      if (!lock) throw alreadyRunning(dataDir);
      portingOf(ctx);
    },
    announce(info) {
      lock?.announce(info);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const fn of closers.reverse()) await fn();
      db.close();
      lock?.release();
    },
  };
}
