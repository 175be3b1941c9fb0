import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/rpc.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE, tighten } from './private-files.js';
import { sealPinsInOldBackups, sealPinWords, SECRETS_SEALED_FROM_VERSION } from './backup-secrets.js';
import { fieldCipherFor, type FieldCipher } from './secret-fields.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** the migrations to apply; tests pass a prefix to build an older schema */
  migrations?: readonly Migration[];
  readonly?: boolean;
  /** seals secret fields; default: the key file beside the database */
  cipher?: FieldCipher;
}

const ciphers = new WeakMap<Db, FieldCipher>();

/** The cipher of a connection opened by openDatabase: repositories seal and open PINs with it. */
export function cipherOf(db: Db): FieldCipher {
  const c = ciphers.get(db);
  if (!c) throw new Error('this connection was not opened by openDatabase');
  return c;
}

/** Map driver errors to errors a person can act on. Used for every database call path. */
export function toDbError(err: unknown, file: string): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(e.message ?? '')) {
    return new AppError(
      'DB_CORRUPT',
      `The database file ${file} is damaged or is not a PortDesk database. Restore it from the backups folder beside it, or move it away to start a new one.`,
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError(
      'DB_LOCKED',
      `The database ${file} is locked by another program (another PortDesk window or a backup tool). Close it and try again.`,
    );
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError(
      'DISK_FULL',
      `The disk holding ${file} is full. Free some space and try again; nothing was saved.`,
    );
  }
  if (
    code === 'SQLITE_CANTOPEN' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'ENOENT' ||
    code === 'EROFS' ||
    code === 'ENOTDIR' ||
    code === 'SQLITE_READONLY'
  ) {
    return new AppError(
      'DATA_DIR_UNUSABLE',
      `PortDesk cannot use the data folder ${path.dirname(file)} (${code}): check that it exists and that you may write to it, or pass another folder with --data-dir.`,
    );
  }
  return new AppError('INTERNAL', `Database error: ${e.message ?? String(err)}`);
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const migrations = opts.migrations ?? MIGRATIONS;
  let db: Db | undefined;
  try {
    if (!opts.readonly) createPrivately(file);
    db = new Database(file, { readonly: opts.readonly ?? false, timeout: 2000 });
    const cipher = opts.cipher ?? fieldCipherFor(path.dirname(file));
    ciphers.set(db, cipher);
    db.function('portdesk_seal', { deterministic: false }, (v: unknown) =>
      typeof v === 'string' && v !== '' ? cipher.seal(v) : v,
    );
    // The first statement is what reveals a corrupt or foreign file.
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    // A replaced PIN must not linger in free pages (or in the WAL frames that carry them).
    db.pragma('secure_delete = ON');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    // Reading the schema proves the file is a database. A full quick_check costs ~0.5 s on a large
    // queue at every launch; damage deeper in the file surfaces as SQLITE_CORRUPT on the query that
    // meets it and is reported as DB_CORRUPT with the same advice.
    db.pragma('schema_version', { simple: true });
    if (!opts.readonly) migrate(db, file, migrations, cipher);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) tighten(f, PRIVATE_FILE_MODE);
    return db;
  } catch (err) {
    db?.close();
    throw toDbError(err, file);
  }
}

/**
 * The data folder 0700 and the database created 0600 before SQLite opens it: SQLite gives the -wal
 * and -shm files the mode of the database file.
 */
function createPrivately(file: string): void {
  ensurePrivateDir(path.dirname(file));
  try {
    fs.closeSync(
      fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, PRIVATE_FILE_MODE),
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, file: string, migrations: readonly Migration[], cipher: FieldCipher): void {
  const current = schemaVersion(db);
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'DB_TOO_NEW',
      `${file} was written by a newer PortDesk (schema ${current}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update PortDesk; the file was not changed.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0) backupBeforeMigrating(db, file, current, latest);
  const sealsSecrets = current < SECRETS_SEALED_FROM_VERSION && latest >= SECRETS_SEALED_FROM_VERSION;
  const run = db.transaction(() => {
    for (const m of pending) m.up(db);
    // pages stored before schema 6 keep the words spelling a document's PIN plain (migration 006 seals fields only)
    if (sealsSecrets) sealPinWords(db, cipher);
    db.pragma(`user_version = ${latest}`);
  });
  run.immediate();
  // the backups taken before PINs were sealed (this one included) would keep them in plain text
  if (sealsSecrets) sealPinsInOldBackups(path.join(path.dirname(file), 'backups'), cipher);
}

function backupBeforeMigrating(db: Db, file: string, from: number, to: number): void {
  const dir = path.join(path.dirname(file), 'backups');
  ensurePrivateDir(dir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, '.sqlite')}-v${from}-before-v${to}-${stamp}.sqlite`);
  db.prepare('VACUUM INTO ?').run(target);
  tighten(target, PRIVATE_FILE_MODE);
}
