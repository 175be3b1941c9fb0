import type { ComponentType } from 'react';
import { orderedRegistry } from '../../lib/registry.js';
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

const registry = orderedRegistry<CaseTab>();
export const registerCaseTab = registry.register;
export const useCaseTabs = registry.use;
