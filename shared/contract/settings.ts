import { z } from 'zod';
import { GainingCarrierName } from '../domain/comparison.js';
import { method } from './rpc.js';

/**
 * Settings that belong to no single feature's contract yet, kept in one place the Settings page
 * reads and writes. (Age limits: review.settings; the porting API: porting.setApiKey; the user's
 * name: app.setActor.)
 */
export const AppSettings = z.object({
  /** who receives the ports, named in every LOA's authorization text; empty: "the new service provider" */
  gainingCarrier: GainingCarrierName,
});
export type AppSettings = z.infer<typeof AppSettings>;
export const DEFAULT_APP_SETTINGS: AppSettings = { gainingCarrier: '' };

export const settingsContract = {
  'settings.get': method(z.object({}), AppSettings, 'The settings kept for every case (gaining carrier…).'),
  'settings.set': method(
    AppSettings.partial(),
    AppSettings,
    'Change some of those settings; the change is recorded in the audit log.',
  ),
} as const;
