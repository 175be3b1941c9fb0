import type { Migration } from '../migration.js';

export const migration: Migration = {
  version: 8,
  name: 'due: which due items were already notified; cases with open checks',
  up(db) {
    db.exec(`
      -- A due item's key names the fact (kind, case, the date or document), so a changed FOC or a new
      -- LOA is a new item and notifies again, while the same item never notifies twice.
      CREATE TABLE due_notified (
        item_key TEXT PRIMARY KEY,
        case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
        notified_at TEXT NOT NULL
      );
      -- The Due list reads the few cases with open checks, and the FOCs in a window of days, on every refresh.
      CREATE INDEX cases_open_checks ON cases(id) WHERE checks > 0;
    `);
  },
};
