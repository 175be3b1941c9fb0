import type { Migration } from '../migration.js';

/**
 * PINs sealed at rest (see db/secret-fields.ts): the case PIN and PINs read from documents, written
 * in plain text by schema ≤ 5, are sealed in place. portdesk_seal is registered on every connection
 * by openDatabase; secure_delete (on from the first statement) overwrites the plain pages freed here.
 */
export const migration: Migration = {
  version: 6,
  name: 'secret fields sealed at rest (case PIN, PINs read from documents); pages read only in part',
  up(db) {
    db.exec(`
      -- why a page was read only in part (NULL: read whole), and the document's list of such pages (JSON)
      ALTER TABLE document_pages ADD COLUMN partial TEXT;
      ALTER TABLE documents ADD COLUMN partial_pages TEXT;
      UPDATE cases SET pin = portdesk_seal(pin) WHERE pin IS NOT NULL AND pin <> '' AND pin NOT LIKE 'enc1:%';
      UPDATE document_fields SET value = portdesk_seal(value) WHERE field = 'pin' AND value NOT LIKE 'enc1:%';
    `);
  },
};
