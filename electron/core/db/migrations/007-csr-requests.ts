import type { Migration } from '../migration.js';

/**
 * CSRs requested through the API (Telnyx Customer Service Records). The request itself goes through
 * porting_outbox (kind 'csr', never sent twice); this row follows the record at the API until it is
 * completed (then document_id is the case's CSR made from it) or failed (error_message).
 */
export const migration: Migration = {
  version: 7,
  name: 'CSR requests through the API and the last CSR coverage check of a case',
  up(db) {
    db.exec(`
      CREATE TABLE csr_requests (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        endpoint TEXT NOT NULL,
        phone_number TEXT NOT NULL,
        outbox_id INTEGER REFERENCES porting_outbox(id) ON DELETE SET NULL,
        -- names of the additional data sent (never the values)
        supplied TEXT NOT NULL DEFAULT '[]',
        csr_id TEXT UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('queued', 'pending', 'completed', 'failed')),
        error_message TEXT,
        carrier_name TEXT,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        polled_at TEXT
      );
      CREATE INDEX csr_requests_case ON csr_requests(case_id, id);
      CREATE INDEX csr_requests_open ON csr_requests(endpoint, status);

      CREATE TABLE csr_coverage (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        endpoint TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        result TEXT NOT NULL
      );
    `);
  },
};
