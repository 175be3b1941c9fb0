import { useCallback, useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documents.js';
import type { CaseOrdersView, Sent } from '../../../shared/contract/porting.js';
import { call, errorMessage, onEvent } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';
import { usePorting } from './state.js';

/** What the host knows about a case's submission, loaded together and replaced together. */
export interface SubmissionData {
  view: CaseOrdersView | null;
  docs: DocumentSummary[] | null;
  loadError: string | null;
  /** the last action that went through the outbox, when it did not simply succeed */
  sent: Sent | null;
  /** the action running now ("check", "draft", "submit"…), null when idle */
  busy: string | null;
}

const EMPTY: SubmissionData = { view: null, docs: null, loadError: null, sent: null, busy: null };

/**
 * The one store of server data for the Submission tab and the Review & submit sheet: loads on open,
 * when the case changes and on `cases.changed`; `run` marks one action busy at a time and reports
 * its failure as a toast.
 */
export function useSubmission(caseId: number, caseVersion: number) {
  const [data, setData] = useState<SubmissionData>(EMPTY);

  const load = useCallback(async () => {
    try {
      const [view, docs] = await Promise.all([
        call('porting.orders', { caseId }),
        call('documents.list', { caseId }).catch(() => null),
      ]);
      setData((d) => ({ ...d, view, docs, loadError: null }));
    } catch (err) {
      setData((d) => ({ ...d, loadError: errorMessage(err) }));
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load, caseVersion]);
  useEffect(
    () =>
      onEvent('cases.changed', ({ ids }) => {
        if (ids.includes(caseId)) void load();
      }),
    [caseId, load],
  );

  const run = useCallback(async <T>(what: string, fn: () => Promise<T>): Promise<T | null> => {
    setData((d) => ({ ...d, busy: what }));
    try {
      return await fn();
    } catch (err) {
      toast.error(errorMessage(err));
      return null;
    } finally {
      setData((d) => ({ ...d, busy: null }));
      void usePorting.getState().load();
    }
  }, []);

  /** Keep what an outbox action returned; true when it went through now. */
  const afterSend = useCallback((s: Sent | null): boolean => {
    if (!s) return false;
    setData((d) => ({ ...d, sent: s, view: s.view }));
    return s.state === 'done';
  }, []);

  return { ...data, load, run, afterSend };
}

export type Submission = ReturnType<typeof useSubmission>;
