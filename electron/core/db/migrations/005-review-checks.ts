import type { Migration } from '../migration.js';

export const migration: Migration = {
  version: 5,
  name: 'review: open checks (readings the review could not confirm) per case, apart from the blockers',
  up(db) {
    db.exec(`
      -- The queue counts certain predicted rejections as blockers and shows doubts apart.
      ALTER TABLE cases ADD COLUMN checks INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE review_state ADD COLUMN checks INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
