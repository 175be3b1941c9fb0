import type Database from 'better-sqlite3';

/**
 * One numbered schema migration. Declared apart from the list (migrations.ts) so that each
 * migration file depends on this shape only, never on the list that imports it.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
