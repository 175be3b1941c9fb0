import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/rpc.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** the migrations to apply; tests pass a prefix to build an older schema */
  migrations?: readonly Migration[];
  readonly?: boolean;
}

/** Map driver errors to errors a person can act on. Used for every database call path. */
export function toDbError(err: unknown, file: string): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(e.message ?? '')) {
    return new AppError('DB_CORRUPT',
      `The database file ${file} is damaged or is not a PortDesk database. Restore it from the backups folder beside it, or move it away to start a new one.`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('DB_LOCKED',
      `The database ${file} is locked by another program (another PortDesk window or a backup tool). Close it and try again.`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('DISK_FULL', `The disk holding ${file} is full. Free some space and try again; nothing was saved.`);
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM') {
    return new AppError('DB_CORRUPT', `PortDesk cannot open ${file}: check that the folder exists and is writable.`);
  }
  return new AppError('INTERNAL', `Database error: ${e.message ?? String(err)}`);
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const migrations = opts.migrations ?? MIGRATIONS;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, timeout: 2000 });
    // The first statement is what reveals a corrupt or foreign file.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    // Reading the schema proves the file is a database. A full quick_check costs ~0.5 s on a large
    // queue at every launch; damage deeper in the file surfaces as SQLITE_CORRUPT on the query that
    // meets it and is reported as DB_CORRUPT with the same advice.
    db.pragma('schema_version', { simple: true });
    migrate(db, file, migrations);
    return db;
  } catch (err) {
    db?.close();
    throw toDbError(err, file);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, file: string, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new AppError('DB_TOO_NEW',
      `${file} was written by a newer PortDesk (schema ${current}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update PortDesk; the file was not changed.`);
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0) backupBeforeMigrating(db, file, current, latest);
  const run = db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  });
  run.immediate();
}

function backupBeforeMigrating(db: Db, file: string, from: number, to: number): void {
  const dir = path.join(path.dirname(file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, '.sqlite')}-v${from}-before-v${to}-${stamp}.sqlite`);
  db.prepare('VACUUM INTO ?').run(target);
}
