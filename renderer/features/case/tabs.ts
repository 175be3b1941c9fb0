import { useSyncExternalStore, type ComponentType } from 'react';
import type { CaseRecord } from '../../../shared/domain/case.js';

/** What every case tab receives: the case as last loaded (re-rendered when it changes). */
export interface CaseTabProps {
  caseRecord: CaseRecord;
}

/**
 * A tab in the case detail. Features (Documents, Review, Submission…) call registerCaseTab from
 * their own module, imported once from features/index.ts; nothing else in case/ changes.
 */
export interface CaseTab {
  id: string;
  label: string;
  /** position: Details is 0, History 1000; leave gaps */
  order: number;
  component: ComponentType<CaseTabProps>;
  /** a short count or flag next to the label ("3"), or null */
  badge?: (rec: CaseRecord) => string | number | null;
}

const tabs: CaseTab[] = [];
const subscribers = new Set<() => void>();
let snapshot: readonly CaseTab[] = [];

export function registerCaseTab(tab: CaseTab): void {
  const i = tabs.findIndex((t) => t.id === tab.id);
  if (i >= 0) tabs.splice(i, 1, tab);
  else tabs.push(tab);
  snapshot = [...tabs].sort((a, b) => a.order - b.order);
  for (const s of subscribers) s();
}

export function useCaseTabs(): readonly CaseTab[] {
  return useSyncExternalStore((cb) => {
    subscribers.add(cb);
    return () => subscribers.delete(cb);
  }, () => snapshot);
}
