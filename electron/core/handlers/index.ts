import { appHandlers } from './app.js';
import { auditHandlers } from './audit.js';
import { casesHandlers } from './cases.js';
import { channelHandlers } from './channel.js';
import { csrHandlers } from './csr.js';
import { documentsHandlers } from './documents.js';
import { dueHandlers } from './due.js';
import { exportHandlers } from './export.js';
import { portingHandlers } from './porting.js';
import { reviewHandlers } from './review.js';
import { settingsHandlers } from './settings.js';
import type { HandlerTable } from './types.js';

/** The one handler table both hosts serve. A missing method is a compile error. */
export const handlers = {
  ...appHandlers,
  ...auditHandlers,
  ...casesHandlers,
  ...channelHandlers,
  ...csrHandlers,
  ...documentsHandlers,
  ...dueHandlers,
  ...exportHandlers,
  ...portingHandlers,
  ...reviewHandlers,
  ...settingsHandlers,
} satisfies HandlerTable;
