import type { Migration } from '../migration.js';

export const migration: Migration = {
  version: 9,
  name: 'submission channel per case (Telnyx API or a manual ticket), e-mailed rejections, line types set by hand',
  up(db) {
    db.exec(`
      -- One row once the specialist chose a channel; no row = the Telnyx API (the default flow).
      CREATE TABLE case_channel (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('telnyx', 'manual')),
        ticket_id TEXT NOT NULL DEFAULT '',
        link TEXT NOT NULL DEFAULT '',
        submitted_by TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'not-submitted',
        submitted_on TEXT,
        foc_received_on TEXT,
        foc_date TEXT,
        rejected_on TEXT,
        ported_on TEXT,
        updated_at TEXT NOT NULL
      );

      -- Rejections received outside the API (e-mail, ticket), with the codes read from them (JSON).
      CREATE TABLE case_rejections (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        received_on TEXT NOT NULL,
        text TEXT NOT NULL,
        codes TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      );
      CREATE INDEX case_rejections_case ON case_rejections(case_id);

      -- Line types set by hand; numbers without a row take the portability check's type.
      CREATE TABLE number_line_types (
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        number TEXT NOT NULL,
        line_type TEXT NOT NULL CHECK (line_type IN ('wireline', 'wireless', 'toll-free')),
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL,
        PRIMARY KEY (case_id, number)
      );
    `);
  },
};
