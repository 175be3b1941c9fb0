import type { Migration } from './migration.js';
import { migration as m001 } from './migrations/001-cases.js';
import { migration as m002 } from './migrations/002-documents.js';
import { migration as m003 } from './migrations/003-porting.js';
import { migration as m004 } from './migrations/004-review.js';
import { migration as m005 } from './migrations/005-review-checks.js';
import { migration as m006 } from './migrations/006-secret-fields.js';
import { migration as m007 } from './migrations/007-csr-requests.js';
import { migration as m008 } from './migrations/008-due-notified.js';
import { migration as m009 } from './migrations/009-channel.js';
import { migration as m010 } from './migrations/010-document-retirement.js';
import { migration as m011 } from './migrations/011-order-exception-history.js';
import { migration as m012 } from './migrations/012-field-candidates.js';

/**
 * Numbered migrations, listed explicitly (Signal Desktop style). Never edit a released one: add the
 * next number. Each runs inside the single transaction that also bumps `PRAGMA user_version`.
 */
export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
