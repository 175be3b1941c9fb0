import { appHandlers } from './app.js';
import { casesHandlers } from './cases.js';
import { documentsHandlers } from './documents.js';
import { exportHandlers } from './export.js';
import { portingHandlers } from './porting.js';
import { reviewHandlers } from './review.js';
import { settingsHandlers } from './settings.js';
import type { HandlerTable } from './types.js';

/** The one handler table both hosts serve. A missing method is a compile error. */
export const handlers = {
  ...appHandlers,
  ...casesHandlers,
  ...documentsHandlers,
  ...exportHandlers,
  ...portingHandlers,
  ...reviewHandlers,
  ...settingsHandlers,
} satisfies HandlerTable;
