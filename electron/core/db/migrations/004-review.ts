import type { Migration } from '../migration.js';

export const migration: Migration = {
  version: 4,
  name: 'review: blocker state per case, ready overrides, manual checklist ticks',
  up(db) {
    db.exec(`
      -- The last comparison's outcome per case, so the queue's blocker count can be refreshed when
      -- time alone changes it (an invoice ageing past its limit) without comparing every case.
      CREATE TABLE review_state (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        as_of TEXT NOT NULL,
        blockers INTEGER NOT NULL,
        warnings INTEGER NOT NULL,
        codes TEXT NOT NULL,
        computed_at TEXT NOT NULL
      );
      CREATE INDEX review_state_as_of ON review_state(as_of);

      -- A case marked ready although the comparison still predicted rejections: who, why, and what.
      CREATE TABLE review_overrides (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        reason TEXT NOT NULL,
        as_of TEXT NOT NULL,
        blockers TEXT NOT NULL
      );
      CREATE INDEX review_overrides_case ON review_overrides(case_id, id);

      -- Pre-submit checklist items only a person can confirm (seed 000), ticked on the review screen.
      CREATE TABLE review_checklist (
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (case_id, item)
      ) WITHOUT ROWID;
    `);
  },
};
