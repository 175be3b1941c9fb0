import { useEffect } from 'react';
import type { ApplyProposal } from '../../../shared/contract/review.js';
import { FIELD_LABEL } from '../../../shared/domain/case.js';
import { Modal } from '../../app/Modal.js';
import { SOURCE_LABEL } from './rows.js';
import { labelInSentence } from '../../../shared/domain/fields.js';
import { fieldName } from './SummaryPanel.js';

const caseFieldName = (f: string) => FIELD_LABEL[f as keyof typeof FIELD_LABEL] ?? f.replace(/_/g, ' ');

/** What copying a document's value would do to the case: each change before → after, and what is not copied. */
export function ChangeList({ proposal }: { proposal: ApplyProposal }) {
  return (
    <div className="apply-preview" data-testid="apply-preview">
      <ul className="small apply-changes">
        {proposal.changes.map((c) => (
          <li key={c.field} data-testid="apply-change" data-field={c.field}>
            {caseFieldName(c.field)}: <span className="mono">{c.from || '(empty)'}</span> →{' '}
            <strong className="mono">{c.to || '(empty)'}</strong>
          </li>
        ))}
      </ul>
      {proposal.withheld?.length ? (
        <ul className="small text-warn apply-withheld">
          {proposal.withheld.map((w) => (
            <li key={w.field} data-testid="apply-withheld" data-field={w.field}>
              Not copied: {caseFieldName(w.field)} “{w.value}” — {w.why}.
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The keyboard path (`a`) shows the same before/after as the button before anything changes. */
export function ApplyPreviewDialog({
  proposal,
  busy,
  onCancel,
  onApply,
}: {
  proposal: ApplyProposal | null;
  busy: boolean;
  onCancel(): void;
  onApply(p: ApplyProposal): void;
}) {
  // Enter applies: the dialog opens with Apply focused (showModal would pick the first button, Cancel)
  useEffect(() => {
    if (!proposal) return;
    const raf = requestAnimationFrame(() =>
      document.querySelector<HTMLButtonElement>('[data-testid="apply-dialog"] [data-testid="apply-confirm"]')?.focus(),
    );
    return () => cancelAnimationFrame(raf);
  }, [proposal]);
  return (
    <Modal
      open={proposal !== null}
      title={
        proposal
          ? `Use the ${SOURCE_LABEL[proposal.source]} value for the ${labelInSentence(fieldName(proposal.field))}?`
          : ''
      }
      onClose={onCancel}
      testId="apply-dialog"
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            data-testid="apply-confirm"
            onClick={() => proposal && onApply(proposal)}
          >
            Apply
          </button>
        </>
      }
    >
      {proposal && <ChangeList proposal={proposal} />}
    </Modal>
  );
}
