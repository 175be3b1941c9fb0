import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/rpc.js';
import { PRIVATE_FILE_MODE, tighten, writePrivateFile } from './private-files.js';

export const LOCK_FILE_NAME = 'portdesk.lock';
export const INSTANCE_FILE_NAME = 'instance.json';

/** Who owns a data folder, as the owner described itself (instance.json). */
export interface InstanceInfo {
  pid: number;
  host: 'electron' | 'loopback';
  started_at: string;
  /** where a person reaches the running app (loopback host: its origin, never a token) */
  url?: string;
}

/**
 * One owner per data folder: the owner holds an exclusive SQLite lock on `portdesk.lock` for as long
 * as its process lives. The operating system drops the lock when the process dies (kill -9, crash),
 * so there is never a stale lock to clean up. Only the owner resumes interrupted reading jobs and
 * runs background services; other processes (a `portdesk cases list` beside a running app) use
 * the database without touching the owner's work.
 */
export class InstanceLock {
  private constructor(
    private readonly conn: Database.Database,
    private readonly infoFile: string,
    private info: InstanceInfo,
  ) {}

  /** The lock, or null when another live process holds it. */
  static tryAcquire(dataDir: string, host: InstanceInfo['host']): InstanceLock | null {
    const file = path.join(dataDir, LOCK_FILE_NAME);
    const conn = new Database(file, { timeout: 0 });
    tighten(file, PRIVATE_FILE_MODE);
    try {
      conn.pragma('busy_timeout = 0');
      conn.pragma('locking_mode = EXCLUSIVE');
      // The first write in exclusive locking mode takes the file's EXCLUSIVE lock and keeps it.
      conn.exec(
        'BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS owner (pid INTEGER); DELETE FROM owner; INSERT INTO owner VALUES (' +
          process.pid +
          '); COMMIT;',
      );
    } catch (err) {
      conn.close();
      const code = (err as { code?: string }).code ?? '';
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return null;
      throw err;
    }
    const lock = new InstanceLock(conn, path.join(dataDir, INSTANCE_FILE_NAME), {
      pid: process.pid,
      host,
      started_at: new Date().toISOString(),
    });
    lock.write();
    return lock;
  }

  /** Tell later processes how to reach this one (the loopback host's origin). */
  announce(extra: Pick<InstanceInfo, 'url'>): void {
    this.info = { ...this.info, ...extra };
    this.write();
  }

  private write(): void {
    writePrivateFile(this.infoFile, JSON.stringify(this.info) + '\n');
  }

  release(): void {
    if (!this.conn.open) return;
    fs.rmSync(this.infoFile, { force: true });
    this.conn.close();
  }
}

export function readInstanceInfo(dataDir: string): InstanceInfo | null {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dataDir, INSTANCE_FILE_NAME), 'utf8')) as Partial<InstanceInfo>;
    return typeof v.pid === 'number' ? (v as InstanceInfo) : null;
  } catch {
    return null;
  }
}

/** The plain sentence for a process that needs to own a folder another PortDesk already runs on. */
export function alreadyRunning(dataDir: string): AppError {
  const info = readInstanceInfo(dataDir);
  const where = info?.url
    ? `; open ${info.url} (or its window)`
    : info?.host === 'electron'
      ? '; switch to its desktop window'
      : '';
  const who = info ? ` (process ${info.pid}${where})` : '';
  return new AppError(
    'ALREADY_RUNNING',
    `PortDesk is already running on the data folder ${dataDir}${who}. Use that one, stop it first, or start with another --data-dir.`,
  );
}
