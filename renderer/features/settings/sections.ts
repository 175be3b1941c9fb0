import type { ComponentType } from 'react';
import { orderedRegistry } from '../../lib/registry.js';

/** Where a setting applies: every case, the cases of one losing carrier, or one case. */
export type SettingScope = 'global' | 'per-carrier' | 'per-case';

export interface SettingsSectionProps {
  /** the case the user came from (a per-case setting applies to it), null when opened from the header */
  caseId: number | null;
}

/**
 * One section of the Settings page. Features add theirs with registerSettingsSection from their own
 * module (imported once from features/index.ts), e.g. a "Due reminders" section; the page lists them
 * in `order` and links each by `id` (#/settings/<id>).
 */
export interface SettingsSection {
  id: string;
  title: string;
  /** position: You 0, Porting API 100, Age limits 200, Packets 300; leave gaps */
  order: number;
  /** the scopes its settings have, shown beside the title; each setting also says its own */
  scopes: readonly SettingScope[];
  component: ComponentType<SettingsSectionProps>;
}

const registry = orderedRegistry<SettingsSection>();
export const registerSettingsSection = registry.register;
export const useSettingsSections = registry.use;
