import type { Migration } from '../migration.js';

/**
 * Every exception an order came back with, kept after the order is resubmitted (the order's own
 * status_details holds only the current ones): the packet's cover sheet lists them. Exceptions on
 * orders in exception now are carried over.
 */
export const migration: Migration = {
  version: 11,
  name: 'exception history of porting orders',
  up(db) {
    db.exec(`
      CREATE TABLE porting_order_exceptions (
        id INTEGER PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES porting_orders(id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        description TEXT,
        received_at TEXT NOT NULL,
        -- when the order left exception (resubmitted, cancelled…); NULL while it is still open
        resolved_at TEXT
      );
      CREATE INDEX porting_order_exceptions_order ON porting_order_exceptions(order_id, received_at);
      INSERT INTO porting_order_exceptions (order_id, code, description, received_at)
        SELECT o.id, json_extract(d.value, '$.code'), json_extract(d.value, '$.description'), o.updated_at
        FROM porting_orders o, json_each(o.status_details) d
        WHERE o.status = 'exception' AND json_extract(d.value, '$.code') IS NOT NULL;
    `);
  },
};
