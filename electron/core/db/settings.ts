import type { Db } from './open.js';

/** The key/value settings table: the one place that reads and writes it. */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get(key: string): string | null {
    return (
      (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ??
      null
    );
  }

  set(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  delete(key: string): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  }
}
