import type { Migration } from '../migration.js';

export const migration: Migration = {
  version: 1,
  name: 'cases, numbers, history, search, settings, audit',
  up(db) {
    db.exec(`
        CREATE TABLE cases (
          id INTEGER PRIMARY KEY,
          status TEXT NOT NULL,
          status_rank INTEGER NOT NULL,
          entity_name TEXT NOT NULL DEFAULT '',
          authorized_person TEXT NOT NULL DEFAULT '',
          btn TEXT NOT NULL DEFAULT '',
          account_number TEXT NOT NULL DEFAULT '',
          pin TEXT,
          pin_set_at TEXT,
          service_street TEXT NOT NULL DEFAULT '',
          service_unit TEXT NOT NULL DEFAULT '',
          service_city TEXT NOT NULL DEFAULT '',
          service_state TEXT NOT NULL DEFAULT '',
          service_zip TEXT NOT NULL DEFAULT '',
          losing_carrier TEXT NOT NULL DEFAULT '',
          underlying_carrier TEXT NOT NULL DEFAULT '',
          customer_reference TEXT NOT NULL DEFAULT '',
          notes TEXT NOT NULL DEFAULT '',
          foc_date TEXT,
          number_count INTEGER NOT NULL DEFAULT 0,
          blockers INTEGER NOT NULL DEFAULT 0,
          version INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          changed_at TEXT,
          seen_at TEXT
        );
        CREATE INDEX cases_created ON cases(created_at, id);
        CREATE INDEX cases_status_created ON cases(status, created_at, id);
        CREATE INDEX cases_rank ON cases(status_rank, created_at, id);
        CREATE INDEX cases_foc ON cases(foc_date IS NULL, foc_date, id);
        CREATE INDEX cases_foc_desc ON cases(foc_date IS NULL, foc_date DESC, id DESC);
        CREATE INDEX cases_carrier ON cases(losing_carrier COLLATE NOCASE);

        CREATE TABLE case_numbers (
          case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          raw TEXT NOT NULL,
          e164 TEXT,
          error TEXT,
          PRIMARY KEY (case_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX case_numbers_e164 ON case_numbers(e164);

        CREATE TABLE case_history (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          changes TEXT NOT NULL,
          note TEXT
        );
        CREATE INDEX case_history_case ON case_history(case_id, id);

        -- Extra searchable terms other features attach to a case (porting order ids, ...).
        CREATE TABLE case_search_terms (
          case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
          source TEXT NOT NULL,
          term TEXT NOT NULL,
          PRIMARY KEY (case_id, source, term)
        ) WITHOUT ROWID;

        -- rowid = cases.id; trigram so a fragment of a number, name or account number matches.
        CREATE VIRTUAL TABLE cases_fts USING fts5(body, tokenize = 'trigram');

        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT,
          kind TEXT NOT NULL,
          case_id INTEGER,
          detail TEXT NOT NULL
        );
      `);
  },
};
