import type { Migration } from '../migration.js';

/**
 * A document attached to the wrong case can be removed (and the removal undone), and a document can
 * be replaced by a newer copy: the old one stays, marked superseded, out of the review and exports.
 */
export const migration: Migration = {
  version: 10,
  name: 'documents removed (undoable) or superseded by a newer copy; cases found by reference, sorted by customer',
  up(db) {
    db.exec(`
      -- when the user removed the document (NULL: attached); a removed document is read by nothing
      ALTER TABLE documents ADD COLUMN removed_at TEXT;
      -- the newer copy that replaced this document (NULL: in force)
      ALTER TABLE documents ADD COLUMN superseded_by INTEGER REFERENCES documents(id) ON DELETE SET NULL;
      CREATE INDEX documents_in_force ON documents(case_id, kind, status) WHERE removed_at IS NULL AND superseded_by IS NULL;
      -- duplicate detection looks cases up by customer reference
      CREATE INDEX cases_reference ON cases(customer_reference) WHERE customer_reference <> '';
      -- the queue sorts by customer from its column header
      CREATE INDEX cases_customer ON cases(entity_name COLLATE NOCASE, id);
    `);
  },
};
