import type { settingsContract } from '../../../shared/contract/settings.js';
import { loadAppSettings, saveAppSettings } from '../export/settings.js';
import type { HandlersFor } from './types.js';

export const settingsHandlers = {
  'settings.get': async (_input, ctx) => loadAppSettings(ctx.settings),
  'settings.set': async (patch, ctx) => {
    const before = loadAppSettings(ctx.settings);
    const saved = saveAppSettings(ctx.settings, patch);
    if (JSON.stringify(saved) !== JSON.stringify(before))
      ctx.audit.record({
        actor: ctx.actor(),
        kind: 'settings',
        caseId: null,
        detail: `settings: ${JSON.stringify(before)} → ${JSON.stringify(saved)}`,
      });
    return saved;
  },
} satisfies HandlersFor<keyof typeof settingsContract>;
