import type { Migration } from '../migration.js';

/**
 * The extractor's ranked candidates (each with its confidence, place and why it was proposed) kept
 * beside the machine's value, so the review in the app weighs what `portdesk compare` weighs: an LOA
 * letter's address stated in a sentence over its letterhead, the ZIP database's doubt about a reading.
 * Rows stored earlier have none (NULL) and are compared on their value alone, as before.
 */
export const migration: Migration = {
  version: 12,
  name: "extracted fields keep the extractor's ranked candidates",
  up(db) {
    db.exec(`
      -- JSON array of the field's candidates, best first (sealed like the value for a secret field);
      -- only on 'extracted' rows: a person's correction has no candidates
      ALTER TABLE document_fields ADD COLUMN candidates TEXT;
    `);
  },
};
