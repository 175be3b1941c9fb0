import { z } from 'zod';
import { method } from './rpc.js';

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'loopback']),
  dataDir: z.string(),
  actor: z.string(),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appContract = {
  'app.info': method(z.object({}), AppInfo, 'Version, host kind, data directory and the current user.'),
  'app.setActor': method(
    z.object({ actor: z.string().trim().min(1).max(80) }),
    AppInfo,
    'Name recorded in the history for this user.',
  ),
} as const;
