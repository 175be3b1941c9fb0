import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplyProposal, CaseReview } from '../../../shared/contract/review.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { call, errorMessage, isCallError, onEvent } from '../../ipc/index.js';
import { useQuery } from '../../lib/query.js';
import { rebase, useCaseDetail } from '../../state/caseDetail.js';
import { toast } from '../../state/toasts.js';
import type { Confirmation } from './ChecksPanel.js';
import { SOURCE_LABEL } from './rows.js';
import { fieldName } from './SummaryPanel.js';

/** The case page shows the newest case the core answered with: review actions bump its version too. */
function adoptCase(rec: CaseRecord): void {
  useCaseDetail.setState((s) =>
    s.id === rec.id && s.base && rec.version > s.base.version ? { base: rec, draft: rebase(s.base, s.draft, rec) } : {},
  );
}

const currentVersion = (fallback: number) => useCaseDetail.getState().base?.version ?? fallback;

/** Thrown by a compare that an action's answer overtook: its older review is dropped, not shown. */
const OVERTAKEN = Symbol('overtaken by an action');

/**
 * The case's review, compared again when the case or its documents change. An answer from an
 * action (`adopt`) wins over an older compare still in flight.
 */
function useComparedReview(caseId: number, caseVersion: number) {
  const [error, setError] = useState<string | null>(null);
  const adoptions = useRef(0);
  const {
    data: review,
    setData,
    reload,
  } = useQuery(
    async () => {
      const since = adoptions.current;
      const r = await call('review.compare', { caseId });
      if (since !== adoptions.current) throw OVERTAKEN;
      setError(null);
      return r;
    },
    [caseId, caseVersion],
    {
      onError: (err) => {
        if (err !== OVERTAKEN) setError(errorMessage(err));
        return undefined;
      },
    },
  );
  const adopt = useCallback(
    (r: CaseReview) => {
      ++adoptions.current;
      setData(r);
    },
    [setData],
  );
  useRecompareOnEvents(caseId, reload);
  return { review, error, load: reload, adopt };
}

/** Another window saved the case, or a document read finished: compare again (once, shortly after). */
function useRecompareOnEvents(caseId: number, load: () => Promise<void>) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void load();
      }, 150);
    };
    const offCases = onEvent('cases.changed', ({ ids }) => {
      if (ids.includes(caseId)) soon();
    });
    const offJobs = onEvent('jobs.progress', (p) => {
      if (p.caseId === caseId && p.state !== 'queued' && p.state !== 'running') soon();
    });
    return () => {
      offCases();
      offJobs();
      if (timer) clearTimeout(timer);
    };
  }, [caseId, load]);
}

/** Run one action at a time; a failure is said in a toast and the review is compared again. */
function useOneActionAtATime(load: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const act = useCallback(
    async (run: () => Promise<void>, failure: string): Promise<boolean> => {
      if (busy) return false;
      setBusy(true);
      try {
        await run();
        return true;
      } catch (err) {
        toast.error(`${failure}${errorMessage(err)}`);
        if (isCallError(err, 'CONFLICT')) void useCaseDetail.getState().onChangedElsewhere();
        void load();
        return false;
      } finally {
        setBusy(false);
      }
    },
    [busy, load],
  );
  return { busy, act };
}

type Act = ReturnType<typeof useOneActionAtATime>['act'];

/** Copy a document's value into the case; the toast's Undo puts the case's earlier value back. */
function useApplyValue(
  caseId: number,
  caseVersion: number,
  act: Act,
  adopt: (r: CaseReview) => void,
  load: () => Promise<void>,
) {
  /** Put back what a copy changed (the toast's Undo): an ordinary edit of the case, in the history. */
  const undo = useCallback(
    (p: ApplyProposal, after: CaseRecord) =>
      act(async () => {
        const fields = Object.fromEntries(p.changes.map((c) => [c.field, c.from]));
        const rec = await call('cases.update', { id: caseId, version: currentVersion(after.version), fields });
        adoptCase(rec);
        await load();
        toast.info(`${fieldName(p.field)}: the case's earlier value is back (recorded in the history).`);
      }, 'Not undone: '),
    [act, caseId, load],
  );

  return useCallback(
    (p: ApplyProposal) =>
      act(async () => {
        const version = currentVersion(caseVersion);
        const out = await call('review.applyValue', { caseId, version, field: p.field, source: p.source });
        adopt(out.review);
        adoptCase(out.case);
        toast.success(`${fieldName(p.field)} set to the ${SOURCE_LABEL[p.source]} value (recorded in the history).`, {
          label: 'Undo',
          run: () => void undo(p, out.case),
        });
      }, 'Not applied: '),
    [act, adopt, caseId, caseVersion, undo],
  );
}

/**
 * The Review tab's state and what the specialist does there: compare (again when the case or its
 * documents change), copy a document's value (with Undo), confirm a reading, tick, mark ready.
 */
export function useReviewActions(caseId: number, caseVersion: number) {
  const { review, error, load, adopt } = useComparedReview(caseId, caseVersion);
  const { busy, act } = useOneActionAtATime(load);
  const apply = useApplyValue(caseId, caseVersion, act, adopt, load);

  const markReady = useCallback(
    (overrideReason?: string) =>
      act(async () => {
        const version = currentVersion(caseVersion);
        const out = await call('review.markReady', { caseId, version, ...(overrideReason ? { overrideReason } : {}) });
        adopt(out.review);
        adoptCase(out.case);
        toast.success(
          out.override ? `Case ${caseId} is ready (override recorded in the history).` : `Case ${caseId} is ready.`,
        );
      }, ''),
    [act, adopt, caseId, caseVersion],
  );

  const confirm = useCallback(
    (c: Confirmation) =>
      act(async () => {
        const r = await call('review.confirmReading', { caseId, ...c });
        adopt(r);
        const now = r.fields[c.field]?.verdict;
        toast.success(
          `${fieldName(c.field)}: the ${SOURCE_LABEL[c.source]} reading is confirmed (recorded in the history)${now ? ` — now ${now === 'mismatch' ? 'a mismatch' : now}` : ''}.`,
        );
      }, 'Not confirmed: '),
    [act, adopt, caseId],
  );

  const tick = useCallback(
    (item: string, done: boolean) =>
      act(async () => {
        adopt(await call('review.checkItem', { caseId, item, done }));
      }, ''),
    [act, adopt, caseId],
  );

  return { review, error, busy, load, apply, markReady, confirm, tick };
}
