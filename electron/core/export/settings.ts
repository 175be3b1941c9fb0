import { AppSettings, DEFAULT_APP_SETTINGS } from '../../../shared/contract/settings.js';
import type { SettingsRepository } from '../db/settings.js';

const KEY = 'app.settings';

/** The stored settings; a row another version wrote that no longer fits falls back to the defaults. */
export function loadAppSettings(settings: SettingsRepository): AppSettings {
  const row = settings.get(KEY);
  if (row === null) return DEFAULT_APP_SETTINGS;
  try {
    const parsed = AppSettings.safeParse({ ...DEFAULT_APP_SETTINGS, ...JSON.parse(row) });
    return parsed.success ? parsed.data : DEFAULT_APP_SETTINGS;
  } catch {
    return DEFAULT_APP_SETTINGS;
  }
}

export function saveAppSettings(settings: SettingsRepository, patch: Partial<AppSettings>): AppSettings {
  const next = AppSettings.parse({ ...loadAppSettings(settings), ...patch });
  settings.set(KEY, JSON.stringify(next));
  return next;
}
