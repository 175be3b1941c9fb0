import { DEFAULT_DUE_SETTINGS, DueSettings } from '../../../shared/contract/due.js';
import type { AuditLog } from '../db/audit.js';
import type { SettingsRepository } from '../db/settings.js';

const KEY = 'due.thresholds';

/** The stored thresholds; a row another version wrote that no longer fits falls back to the defaults. */
export function loadDueSettings(settings: SettingsRepository): DueSettings {
  const row = settings.get(KEY);
  if (row === null) return DEFAULT_DUE_SETTINGS;
  try {
    const parsed = DueSettings.safeParse({ ...DEFAULT_DUE_SETTINGS, ...JSON.parse(row) });
    return parsed.success ? parsed.data : DEFAULT_DUE_SETTINGS;
  } catch {
    return DEFAULT_DUE_SETTINGS;
  }
}

export function saveDueSettings(
  settings: SettingsRepository,
  audit: AuditLog,
  actor: string,
  next: DueSettings,
): DueSettings {
  const before = loadDueSettings(settings);
  settings.set(KEY, JSON.stringify(next));
  if (JSON.stringify(before) !== JSON.stringify(next))
    audit.record({
      actor,
      kind: 'settings',
      caseId: null,
      detail: `due thresholds: ${JSON.stringify(before)} → ${JSON.stringify(next)}`,
    });
  return next;
}
