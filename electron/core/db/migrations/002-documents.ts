import type { Migration } from '../migration.js';

export const migration: Migration = {
  version: 2,
  name: 'documents, pages, extracted fields with provenance, reading jobs',
  up(db) {
    db.exec(`
      -- The bytes live in the content-addressed store (<dataDir>/documents/<sha[0:2]>/<sha>);
      -- a row is one attachment of those bytes to a case.
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        original_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('loa', 'invoice', 'csr', 'other')),
        kind_source TEXT NOT NULL DEFAULT 'auto' CHECK (kind_source IN ('auto', 'user')),
        kind_confidence REAL,
        pages INTEGER,
        status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'reading', 'ready', 'failed', 'cancelled')),
        error TEXT,
        error_code TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX documents_case ON documents(case_id, id);
      CREATE INDEX documents_sha ON documents(sha256);

      CREATE TABLE document_pages (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('text', 'ocr')),
        width REAL NOT NULL,
        height REAL NOT NULL,
        words TEXT NOT NULL,
        PRIMARY KEY (document_id, page)
      ) WITHOUT ROWID;

      -- At most one machine value and one person's value per field: re-extraction replaces the
      -- 'extracted' row only, so a correction ('entered') survives it.
      CREATE TABLE document_fields (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('extracted', 'entered')),
        value TEXT NOT NULL,
        confidence REAL NOT NULL,
        page INTEGER,
        bbox TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (document_id, field, source)
      ) WITHOUT ROWID;

      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        progress REAL NOT NULL DEFAULT 0,
        page INTEGER NOT NULL DEFAULT 0,
        pages INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX jobs_state ON jobs(state, id);
      CREATE UNIQUE INDEX jobs_document ON jobs(document_id);
    `);
  },
};
