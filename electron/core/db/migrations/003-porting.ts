import type { Migration } from '../migration.js';

export const migration: Migration = {
  version: 3,
  name: 'porting orders, order numbers, outbox, events cursor, comments',
  up(db) {
    db.exec(`
      -- One row per Telnyx order (a case may have several after a split). endpoint tells which API
      -- the order lives in ('simulator' or the real base URL): orders are only polled there.
      CREATE TABLE porting_orders (
        id TEXT PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        endpoint TEXT NOT NULL,
        status TEXT NOT NULL,
        status_details TEXT NOT NULL DEFAULT '[]',
        phone_number_type TEXT,
        fast_port_eligible INTEGER,
        old_service_provider TEXT,
        support_key TEXT,
        requirements TEXT NOT NULL DEFAULT '[]',
        requirements_met INTEGER,
        additional_steps TEXT NOT NULL DEFAULT '[]',
        foc_requested TEXT,
        foc_actual TEXT,
        settings TEXT,
        field_errors TEXT NOT NULL DEFAULT '[]',
        foc_windows TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        polled_at TEXT
      );
      CREATE INDEX porting_orders_case ON porting_orders(case_id);
      CREATE INDEX porting_orders_open ON porting_orders(endpoint, status);

      -- Which numbers went into which order.
      CREATE TABLE porting_order_numbers (
        order_id TEXT NOT NULL REFERENCES porting_orders(id) ON DELETE CASCADE,
        phone_number TEXT NOT NULL,
        phone_number_type TEXT,
        activation_status TEXT,
        portability_status TEXT,
        PRIMARY KEY (order_id, phone_number)
      ) WITHOUT ROWID;
      CREATE INDEX porting_order_numbers_number ON porting_order_numbers(phone_number);

      -- The last portability check of a case.
      CREATE TABLE porting_checks (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        endpoint TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        result TEXT NOT NULL
      );

      -- Durable outbox: every action that changes something at Telnyx. Sent in id order per case.
      -- state: pending → sending → done | failed; sending left behind by a crash or a timeout
      -- becomes uncertain and is reconciled (looked up) before anything is sent again.
      -- payload never holds a secret: the PIN is read from the case when the request is built.
      CREATE TABLE porting_outbox (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        order_id TEXT,
        endpoint TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before TEXT,
        last_error TEXT,
        field_errors TEXT NOT NULL DEFAULT '[]',
        result TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX porting_outbox_state ON porting_outbox(state, id);
      CREATE INDEX porting_outbox_case ON porting_outbox(case_id, id);

      -- Events already applied (GET /porting/events is read with an overlap and deduplicated here).
      CREATE TABLE porting_events (
        id TEXT PRIMARY KEY,
        endpoint TEXT NOT NULL,
        order_id TEXT,
        event_type TEXT NOT NULL,
        created_at TEXT,
        applied_at TEXT NOT NULL
      );
      CREATE INDEX porting_events_created ON porting_events(endpoint, created_at);

      CREATE TABLE porting_comments (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES porting_orders(id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        user_type TEXT,
        created_at TEXT,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX porting_comments_order ON porting_comments(order_id, created_at);

      -- Documents uploaded for an order (they must be linked within 30 minutes or Telnyx deletes them).
      CREATE TABLE porting_uploads (
        outbox_id INTEGER PRIMARY KEY REFERENCES porting_outbox(id) ON DELETE CASCADE,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        document_id TEXT NOT NULL,
        uploaded_at TEXT NOT NULL
      );
    `);
  },
};
