import path from 'node:path';
import type { CoreMethodName, MethodInput, MethodOutput, Envelope } from '../../shared/contract/index.js';
import { AppError } from '../../shared/contract/rpc.js';
import { CaseRepository } from './cases/repo.js';
import { defaultDataDir, osActor, type CoreContext, type HostKind, type HostServices } from './context.js';
import { alreadyRunning, InstanceLock } from './db/instance-lock.js';
import { openDatabase, toDbError, type Db } from './db/open.js';
import { ensurePrivateDir } from './db/private-files.js';
import { fieldCipherFor } from './db/secret-fields.js';
import { AuditLog } from './db/audit.js';
import { SettingsRepository } from './db/settings.js';
import { retractUnfinishedImports } from './cases/import-journal.js';
import { dispatch } from './dispatch.js';
import { DocumentService } from './documents/jobs.js';
import { DocumentRepository, FileStore } from './documents/store.js';
import { DueNotifier } from './due/notifier.js';
import { createExportService } from './export/service.js';
import { EventBus } from './events.js';
import { handlers } from './handlers/index.js';
import { createPorting, type PortingOptions } from './porting/service.js';
import { PortingStore } from './porting/store.js';
import { BlockerFreshness } from './review/freshness.js';
import { StatusFollowsPapers } from './cases/progress.js';
import { MemorySecretStore, type SecretStore } from './secrets.js';
import type { CoreServices } from './services.js';

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
  readonly services: CoreServices;
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
    return createCore({ ...opts, dataDir, dbFile, db, secrets, lock });
  } catch (err) {
    db?.close();
    lock?.release();
    // one sentence saying what to do, never a driver stack (a missing or read-only folder, a lock held too long)
    throw toDbError(err, dbFile);
  }
}

/** What createCore builds the core from: an open database and the host's choices. */
export interface CoreDeps {
  dataDir: string;
  dbFile: string;
  db: Db;
  secrets: SecretStore;
  /** the data folder's instance lock; null when another live process owns the folder */
  lock: InstanceLock | null;
  hostKind: HostKind;
  hostServices?: HostServices;
  now?: () => Date;
  actor?: string;
  porting?: PortingOptions;
}

/**
 * The composition root: every repository, service and handler dependency of one core is built
 * here, once, in dependency order. Nothing else creates a repository or a service.
 */
export function createCore(deps: CoreDeps): Core {
  const { dataDir, dbFile, db, secrets, lock } = deps;
  const now = deps.now ?? (() => new Date());
  const events = new EventBus();
  const settings = new SettingsRepository(db);
  let actor = deps.actor ?? settings.get('actor') ?? osActor();
  const ctx: CoreContext = {
    dataDir,
    dbFile,
    db,
    hostKind: deps.hostKind,
    events,
    now,
    instanceOwner: lock !== null,
    cases: new CaseRepository(db, now),
    documents: { repo: new DocumentRepository(db, now), files: new FileStore(path.join(dataDir, 'documents')) },
    porting: new PortingStore(db, now),
    settings,
    audit: new AuditLog(db, now),
    secrets,
    hostServices: deps.hostServices ?? {},
    actor: () => actor,
    setActor(name) {
      actor = name;
      settings.set('actor', name);
    },
  };
  const porting = createPorting(ctx, deps.porting);
  const services: CoreServices = {
    documents: new DocumentService(ctx),
    freshness: new BlockerFreshness(ctx),
    porting,
    exports: createExportService(ctx),
    csr: porting.csr,
    due: new DueNotifier(ctx),
    statusFollowsPapers: new StatusFollowsPapers(ctx),
  };
  // Only the owner resumes reading jobs a crash left behind (start() checks): "running" ones elsewhere may be a live app's.
  services.documents.start();
  if (ctx.instanceOwner) retractUnfinishedImports(ctx); // imports the last run stopped midway
  services.freshness.start(); // keep the queue's blocker counts current as cases and documents change
  const scope = { ...ctx, services };
  let closed = false;
  return {
    ctx,
    events,
    services,
    dispatch: (name, input) => dispatch(handlers, scope, name, input),
    async call(name, input) {
      const res = await dispatch(handlers, scope, name, input);
      if (!res.ok) throw new AppError(res.error.code, res.error.message, res.error.details);
      return res.value as MethodOutput<typeof name>;
    },
    startBackground() {
      if (!lock) throw alreadyRunning(dataDir);
      services.porting.start();
      services.due.start();
    },
    announce(info) {
      lock?.announce(info);
    },
    async close() {
      if (closed) return;
      closed = true;
      services.due.close();
      await services.porting.close();
      await services.freshness.close();
      services.statusFollowsPapers.close();
      await services.documents.close();
      db.close();
      lock?.release();
    },
  };
}
