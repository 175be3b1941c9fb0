import { registerHeaderIndicator } from '../../app/indicators.js';
import { AuditLink } from './AuditLink.js';

registerHeaderIndicator({ id: 'audit', order: 1, component: AuditLink });
