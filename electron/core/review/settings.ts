import { DEFAULT_REVIEW_SETTINGS, ReviewSettings, type AgeLimits } from '../../../shared/contract/review.js';
import { AppError } from '../../../shared/contract/rpc.js';
import { carrierInfo } from '../compare/index.js';
import type { SettingsRepository } from '../db/settings.js';

const KEY = 'review.limits';

/** The stored settings; a row another version wrote that no longer fits falls back to the defaults. */
export function loadReviewSettings(settings: SettingsRepository): ReviewSettings {
  const row = settings.get(KEY);
  if (row === null) return DEFAULT_REVIEW_SETTINGS;
  try {
    const parsed = ReviewSettings.safeParse(JSON.parse(row));
    return parsed.success ? parsed.data : DEFAULT_REVIEW_SETTINGS;
  } catch {
    return DEFAULT_REVIEW_SETTINGS;
  }
}

/** Two entries for one carrier would make the limit depend on their order: refused. */
export function saveReviewSettings(store: SettingsRepository, settings: ReviewSettings): ReviewSettings {
  const seen = new Map<string, string>();
  for (const c of settings.carriers) {
    const key = carrierKey(c.carrier);
    const prior = seen.get(key);
    if (prior !== undefined) {
      throw new AppError(
        'BAD_INPUT',
        `"${c.carrier}" and "${prior}" name the same carrier; keep one entry per carrier.`,
      );
    }
    seen.set(key, c.carrier);
  }
  const cases = new Set<number>();
  for (const c of settings.cases) {
    if (cases.has(c.caseId))
      throw new AppError('BAD_INPUT', `Case ${c.caseId} has two entries of its own limits; keep one.`);
    cases.add(c.caseId);
  }
  store.set(KEY, JSON.stringify(settings));
  return settings;
}

/** "AT&T Mobility" and "ATT" are one carrier when the carrier table knows them; else the name, case-folded. */
function carrierKey(name: string): string {
  const known = carrierInfo(name);
  return known ? `id:${known.id}` : `name:${name.trim().toUpperCase().replace(/\s+/g, ' ')}`;
}

/**
 * The limits a case is checked with: its own (set for this case only), else the first of its
 * carrier names (losing carrier on the case, then as the documents name it) that has its own
 * setting, else the defaults. An entry may set one limit only; the other comes from the next level.
 */
export function limitsFor(
  settings: ReviewSettings,
  carrierNames: readonly string[],
  caseId?: number,
): AgeLimits & { carrier: string | null; case?: boolean } {
  const base = carrierLimits(settings, carrierNames);
  const own = caseId === undefined ? undefined : settings.cases.find((c) => c.caseId === caseId);
  if (!own || (own.invoiceMaxAgeDays === undefined && own.loaMaxAgeDays === undefined)) return base;
  return {
    invoiceMaxAgeDays: own.invoiceMaxAgeDays ?? base.invoiceMaxAgeDays,
    loaMaxAgeDays: own.loaMaxAgeDays ?? base.loaMaxAgeDays,
    carrier: base.carrier,
    case: true,
  };
}

function carrierLimits(
  settings: ReviewSettings,
  carrierNames: readonly string[],
): AgeLimits & { carrier: string | null } {
  const byKey = new Map(settings.carriers.map((c) => [carrierKey(c.carrier), c]));
  for (const name of carrierNames) {
    if (!name.trim()) continue;
    const entry = byKey.get(carrierKey(name));
    if (entry) {
      return {
        invoiceMaxAgeDays: entry.invoiceMaxAgeDays ?? settings.defaults.invoiceMaxAgeDays,
        loaMaxAgeDays: entry.loaMaxAgeDays ?? settings.defaults.loaMaxAgeDays,
        carrier: entry.carrier,
      };
    }
  }
  return { ...settings.defaults, carrier: null };
}
