import { useEffect, useState } from 'react';
import type { CaseReview } from '../../../shared/contract/review.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { customerTimeZone } from '../../../shared/domain/time-zones.js';
import { Modal } from '../../app/Modal.js';
import { call, errorMessage } from '../../ipc/index.js';
import { plural } from '../../lib/format.js';
import { toast } from '../../state/toasts.js';
import { CheckResult } from './CheckResult.js';
import { focError, useFocPicks, waitingToSubmit } from './foc.js';
import { FocPicker } from './FocPicker.js';
import { ConfigurationFields, PortTypeFields, useOrderOptions } from './OrderOptions.js';
import { SheetDocuments, SheetNumbers, SheetOverrides } from './SheetSections.js';
import { fromLocalInput } from './state.js';
import type { Submission } from './useSubmission.js';

/** preparing: checking and drafting; remove: some numbers are not portable; stopped: the host refused or queued */
type Stage = 'preparing' | 'remove' | 'ready' | 'stopped';

/**
 * Review & submit: one sheet for everything that leaves for the carrier. Opening it checks
 * portability and prepares the draft order(s) at Telnyx (a draft reaches no carrier), then shows
 * what will be sent — numbers and line types per order, port type, FOC on both clocks, documents,
 * every overridden blocker — and one button sends it all.
 */
export function ReviewSubmitSheet({
  caseRecord,
  sub,
  onClose,
}: {
  caseRecord: CaseRecord;
  sub: Submission;
  onClose(): void;
}) {
  const caseId = caseRecord.id;
  const [stage, setStage] = useState<Stage>('preparing');
  const [remove, setRemove] = useState<Set<string>>(new Set());
  const [review, setReview] = useState<CaseReview | null>(null);
  const waiting = (sub.view?.orders ?? []).filter(waitingToSubmit);
  const options = useOrderOptions(sub.view, review?.numbers.partial_port ?? false);
  const focs = useFocPicks(waiting, caseRecord.foc_date);
  const resubmit = waiting.some((o) => o.status === 'exception');

  const draft = async (removeNumbers: string[]) => {
    setStage('preparing');
    const s = await sub.run('draft', () => call('porting.createDraft', { caseId, removeNumbers }));
    setStage(sub.afterSend(s) ? 'ready' : 'stopped');
  };

  useEffect(() => {
    call('review.compare', { caseId })
      .then(setReview)
      .catch((err: unknown) => toast.error(`Could not load the review: ${errorMessage(err)}`));
    if (waiting.length) {
      setStage('ready');
      return;
    }
    void (async () => {
      const check = await sub.run('check', () => call('porting.check', { caseId }));
      await sub.load();
      if (!check) setStage('stopped');
      else if (check.notPortable.length) setStage('remove');
      else await draft([]);
    })();
    // runs once per opening of the sheet: it prepares the orders it is about to show
  }, []);

  const confirm = async () => {
    if (!focs.validate(waiting.map((o) => o.id))) {
      toast.error('Choose an FOC inside an allowed window for every order.');
      return;
    }
    const s = await sub.run('submit', () =>
      call('porting.submit', {
        caseId,
        orders: waiting.map((o) => ({
          orderId: o.id,
          foc_datetime_requested: fromLocalInput(focs.picks[o.id]!.value)!,
        })),
        settings: options.settings(),
      }),
    );
    if (!s) return;
    if (sub.afterSend(s))
      toast.success(`${plural(waiting.length, 'order')} ${resubmit ? 'resubmitted' : 'submitted'}.`);
    onClose();
  };

  const missingDocs = ['loa', 'invoice'].filter((k) => !(sub.docs ?? []).some((d) => d.kind === k));
  const blocked =
    stage !== 'ready' ||
    sub.busy !== null ||
    waiting.length === 0 ||
    missingDocs.length > 0 ||
    options.incomplete !== null ||
    waiting.some((o) => focError(focs.picks[o.id]) !== null);

  return (
    <Modal
      open
      wide
      title={`${resubmit ? 'Review & resubmit' : 'Review & submit'}: ${caseRecord.entity_name || `case ${caseId}`}`}
      onClose={onClose}
      testId="submit-sheet"
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Not now
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="confirm-submit"
            disabled={blocked}
            onClick={() => void confirm()}
          >
            {sub.busy === 'submit'
              ? 'Sending…'
              : `${resubmit ? 'Resubmit' : 'Submit'} ${plural(waiting.length, 'order')} to ${caseRecord.losing_carrier || 'the carrier'}`}
          </button>
        </>
      }
    >
      <PreparingStages stage={stage} sub={sub} remove={remove} setRemove={setRemove} onDraft={draft} />
      {stage === 'ready' && (
        <SheetBody
          caseRecord={caseRecord}
          sub={sub}
          review={review}
          options={options}
          focs={focs}
          resubmit={resubmit}
        />
      )}
    </Modal>
  );
}

/** What the sheet shows before the orders are ready: checking, numbers to remove, or why it stopped. */
function PreparingStages({
  stage,
  sub,
  remove,
  setRemove,
  onDraft,
}: {
  stage: Stage;
  sub: Submission;
  remove: Set<string>;
  setRemove(s: Set<string>): void;
  onDraft(removeNumbers: string[]): Promise<void>;
}) {
  const check = sub.view?.check ?? null;
  return (
    <>
      {stage === 'preparing' && (
        <p className="muted" data-testid="sheet-preparing">
          {sub.busy === 'draft' ? 'Preparing the draft order(s) at Telnyx…' : 'Checking portability…'}
        </p>
      )}
      {stage === 'remove' && check && (
        <>
          <CheckResult check={check} remove={remove} setRemove={setRemove} />
          <button
            type="button"
            className="btn btn-primary"
            disabled={check.notPortable.some((n) => !remove.has(n.phone_number)) || sub.busy !== null}
            onClick={() => void onDraft([...remove])}
          >
            Prepare the orders without them
          </button>
        </>
      )}
      {stage === 'stopped' && (
        <p className="callout callout-danger" role="alert" data-testid="sheet-stopped">
          {sub.sent && sub.sent.state !== 'done'
            ? sub.sent.message
            : 'The orders could not be prepared; the message above says why.'}
        </p>
      )}
    </>
  );
}

function SheetBody({
  caseRecord,
  sub,
  review,
  options,
  focs,
  resubmit,
}: {
  caseRecord: CaseRecord;
  sub: Submission;
  review: CaseReview | null;
  options: ReturnType<typeof useOrderOptions>;
  focs: ReturnType<typeof useFocPicks>;
  resubmit: boolean;
}) {
  const waiting = (sub.view?.orders ?? []).filter(waitingToSubmit);
  const zone = customerTimeZone(caseRecord.service_state);
  return (
    <div className="submit-sheet">
      <p className={`porting-mode mode-${sub.view?.mode ?? 'simulator'}`}>
        {sub.view?.mode === 'telnyx'
          ? 'This goes to the real Telnyx API and on to the losing carrier.'
          : 'This goes to the built-in simulator — nothing reaches a carrier.'}
        {resubmit && ' Each order is updated from the case as it is now and confirmed again.'}
      </p>
      <SheetNumbers orders={waiting} caseRecord={caseRecord} check={sub.view?.check ?? null} />
      <section className="sheet-section" data-testid="sheet-port-type">
        <h3 className="section-title">Port type</h3>
        <PortTypeFields options={options} />
        {options.incomplete && <p className="text-danger small">{options.incomplete}</p>}
        <ConfigurationFields options={options} />
      </section>
      <section className="sheet-section">
        <h3 className="section-title">Requested FOC</h3>
        {waiting.map((o) => (
          <FocPicker
            key={o.id}
            order={o}
            pick={focs.picks[o.id]}
            customerZone={zone}
            onChoose={(v) => focs.choose(o.id, v)}
          />
        ))}
      </section>
      <SheetDocuments docs={sub.docs ?? []} />
      <SheetOverrides overrides={review?.overrides ?? null} />
    </div>
  );
}
