import { useEffect, useState } from 'react';
import type { CaseHoldingNumbers } from '../../../shared/contract/cases.js';
import { STATUS_LABEL, type CaseRecord } from '../../../shared/domain/case.js';
import { call } from '../../ipc/index.js';

/**
 * Names every other active case that lists this case's numbers: a number can be in one porting
 * order at a time, so the carrier would refuse the second order. Shown before any work is done.
 */
export function SharedNumbersBanner({ rec }: { rec: CaseRecord }) {
  const [holders, setHolders] = useState<CaseHoldingNumbers[]>([]);
  useEffect(() => {
    let live = true;
    call('cases.sharingNumbers', { id: rec.id }).then(
      (h) => live && setHolders(h),
      () => live && setHolders([]),
    );
    return () => {
      live = false;
    };
  }, [rec.id, rec.version, rec.status]);
  if (!holders.length || rec.status === 'cancelled' || rec.status === 'ported') return null;
  return (
    <div className="callout callout-warn shared-numbers" role="alert" data-testid="shared-numbers-banner">
      {holders.map((h) => (
        <p key={h.id}>
          {h.numbers.length === rec.numbers.filter((n) => n.e164).length
            ? 'All its numbers are'
            : `${h.numbers.length} of its numbers are`}{' '}
          also on{' '}
          <a href={`#/case/${h.id}`}>
            case #{h.id} — {h.entity_name || '(no name yet)'}
          </a>
          , which is <strong>{STATUS_LABEL[h.status]}</strong>: {h.numbers.join(', ')}.
        </p>
      ))}
      <p className="small">
        A number can be in one porting order at a time: the carrier refuses the second. Cancel the case that is not
        needed, or remove the numbers from one of them.
      </p>
    </div>
  );
}
