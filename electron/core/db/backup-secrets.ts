import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { hideSecretWords, type SecretSpot, secretSpelling } from '../documents/secret-view.js';
import { FieldCipher } from './secret-fields.js';

/** The schema version from which PINs are sealed at rest (migration 006). */
export const SECRETS_SEALED_FROM_VERSION = 6;

/**
 * The backups the migration runner took (`VACUUM INTO` in backups/) before PINs were sealed hold them
 * in plain text: the case PIN, PINs read from documents and the page words that spell them. Once the
 * live database has been sealed, each such backup is sealed the same way, with the same key, then
 * vacuumed with secure_delete so no plain page survives in the file. The backup stays restorable: its
 * schema is unchanged, the repositories open sealed values, and migration 006 skips sealed ones.
 * Returns the backups changed.
 */
export function sealPinsInOldBackups(backupDir: string, cipher: FieldCipher): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir).filter((n) => n.endsWith('.sqlite'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const changed: string[] = [];
  for (const name of names) {
    const file = path.join(backupDir, name);
    try {
      if (sealBackup(file, cipher)) changed.push(file);
    } catch {
      // a damaged or foreign file in backups/ must not stop the database from opening; it is left as it is
    }
  }
  return changed;
}

function sealBackup(file: string, cipher: FieldCipher): boolean {
  const db = new Database(file, { timeout: 2000 });
  try {
    if ((db.pragma('user_version', { simple: true }) as number) >= SECRETS_SEALED_FROM_VERSION) return false;
    db.pragma('secure_delete = ON');
    db.function('portdesk_seal', { deterministic: false }, (v: unknown) =>
      typeof v === 'string' && v !== '' ? cipher.seal(v) : v,
    );
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    let changes = 0;
    db.transaction(() => {
      if (tables.has('cases')) {
        changes += db
          .prepare(
            "UPDATE cases SET pin = portdesk_seal(pin) WHERE pin IS NOT NULL AND pin <> '' AND pin NOT LIKE 'enc1:%'",
          )
          .run().changes;
      }
      if (tables.has('document_fields') && tables.has('document_pages')) {
        changes += sealPinWords(db, cipher);
        changes += db
          .prepare(
            "UPDATE document_fields SET value = portdesk_seal(value) WHERE field = 'pin' AND value NOT LIKE 'enc1:%'",
          )
          .run().changes;
      }
    }).immediate();
    if (changes > 0) db.exec('VACUUM');
    return changes > 0;
  } finally {
    db.close();
  }
}

const textOf = (stored: string): string => {
  try {
    const v: unknown = JSON.parse(stored);
    return typeof v === 'string' ? v : stored;
  } catch {
    return stored;
  }
};

/**
 * The page words in each document PIN's evidence box or spelling it, sealed as the repository seals
 * them since schema 6 (pages stored earlier keep them plain). Returns the pages rewritten.
 */
export function sealPinWords(db: Database.Database, cipher: FieldCipher): number {
  const pins = db.prepare("SELECT document_id, value, page, bbox FROM document_fields WHERE field = 'pin'").all() as {
    document_id: number;
    value: string;
    page: number | null;
    bbox: string | null;
  }[];
  const spotsByDoc = new Map<number, SecretSpot[]>();
  for (const p of pins) {
    const spot: SecretSpot = {
      page: p.page,
      bbox: p.bbox ? (JSON.parse(p.bbox) as BBox) : null,
      text: secretSpelling(textOf(cipher.open(p.value))),
    };
    spotsByDoc.set(p.document_id, [...(spotsByDoc.get(p.document_id) ?? []), spot]);
  }
  const read = db.prepare('SELECT page, words FROM document_pages WHERE document_id = ?');
  const write = db.prepare('UPDATE document_pages SET words = ? WHERE document_id = ? AND page = ?');
  const seal = (w: Word): Word => (FieldCipher.isSealed(w.text) ? w : { ...w, text: cipher.seal(w.text) });
  let changes = 0;
  for (const [docId, spots] of spotsByDoc) {
    for (const row of read.all(docId) as { page: number; words: string }[]) {
      const column = JSON.parse(row.words) as Word[] | { words: Word[]; marks: BBox[] };
      const words = Array.isArray(column) ? column : column.words;
      const page = { page: row.page, words } as PageText;
      const [hidden] = hideSecretWords([page], spots, seal);
      if (hidden === page) continue;
      const encoded = Array.isArray(column) ? hidden!.words : { ...column, words: hidden!.words };
      changes += write.run(JSON.stringify(encoded), docId, row.page).changes;
    }
  }
  return changes;
}
