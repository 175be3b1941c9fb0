import { useState } from 'react';
import type { OrderView } from '../../../shared/contract/porting.js';
import { type CaseRecord, STATUS_LABEL } from '../../../shared/domain/case.js';
import { call } from '../../ipc/index.js';
import { plural } from '../../lib/format.js';
import type { CaseTabProps } from '../case/tabs.js';
import { ChannelPanel } from '../channel/ChannelPanel.js';
import { useChannel } from '../channel/useChannel.js';
import { waitingToSubmit } from './foc.js';
import { OrderCard } from './OrderCard.js';
import { OutboxList } from './OutboxList.js';
import { ReviewSubmitSheet } from './ReviewSubmitSheet.js';
import { SimClockButtons } from './SimClock.js';
import { localDateTime, TIME_ZONE, usePorting } from './state.js';
import { type Submission, useSubmission } from './useSubmission.js';

const LIVE = (o: OrderView) => !['cancelled', 'deleted'].includes(o.status);
/** Orders the carrier is working on: the simulator's clock is what moves them on. */
const IN_FLIGHT = ['in-process', 'submitted', 'foc-date-confirmed', 'activation-in-progress', 'cancel-pending'];

/**
 * Submission: one "Review & submit" sheet sends the case (check, draft, FOC, documents, confirm),
 * then the orders as Telnyx (or the simulator) reports them.
 */
export function SubmitTab({ caseRecord }: CaseTabProps) {
  const sub = useSubmission(caseRecord.id, caseRecord.version);
  const [sheetOpen, setSheetOpen] = useState(false);
  const channel = useChannel(caseRecord.id, caseRecord.version);

  if (sub.loadError)
    return (
      <p className="callout callout-danger" role="alert">
        Could not load the submission: {sub.loadError}
      </p>
    );
  if (!sub.view) return <p className="muted">Loading submission…</p>;
  // a case sent by ticket has no API orders: the channel panel is the whole submission
  if (channel.view?.channel === 'manual')
    return (
      <div className="submit-tab" data-testid="submit-tab">
        <ChannelPanel caseRecord={caseRecord} channel={channel} />
      </div>
    );

  const live = sub.view.orders.filter(LIVE);
  const earlier = sub.view.orders.filter((o) => !LIVE(o));
  return (
    <div className="submit-tab" data-testid="submit-tab">
      <SubmitToolbar sub={sub} caseId={caseRecord.id} hasLive={live.length > 0} />
      {sub.view.mode === 'simulator' && live.some((o) => IN_FLIGHT.includes(o.status)) && (
        <SimClockBar onMoved={() => void sub.load()} />
      )}
      {sub.sent && sub.sent.state !== 'done' && (
        <p
          className={sub.sent.state === 'failed' ? 'callout callout-danger' : 'callout callout-warn'}
          role="status"
          data-testid="send-result"
        >
          {sub.sent.state === 'failed' ? 'Refused: ' : ''}
          {sub.sent.message}
        </p>
      )}
      <ChannelPanel caseRecord={caseRecord} channel={channel} />
      <SubmitEntry
        caseRecord={caseRecord}
        live={live}
        refusal={channel.view?.gate.allowed === false ? (channel.view.gate.refusal ?? 'Not allowed yet') : null}
        onOpen={() => setSheetOpen(true)}
      />
      {live.map((o) => (
        <OrderCard key={o.id} order={o} busy={sub.busy !== null} onChanged={sub.load} />
      ))}
      {sub.view.outbox.length > 0 && (
        <section className="submit-step">
          <h3 className="section-title">Waiting in the outbox</h3>
          <OutboxList items={sub.view.outbox} onChanged={() => void sub.load()} />
        </section>
      )}
      {earlier.length > 0 && (
        <p className="muted small">
          Earlier orders: {earlier.map((o) => `${o.id.slice(0, 8)} (${o.statusLabel})`).join(', ')}
        </p>
      )}
      {sheetOpen && <ReviewSubmitSheet caseRecord={caseRecord} sub={sub} onClose={() => setSheetOpen(false)} />}
    </div>
  );
}

function SubmitToolbar({ sub, caseId, hasLive }: { sub: Submission; caseId: number; hasLive: boolean }) {
  const status = usePorting((s) => s.status);
  return (
    <div className="submit-toolbar">
      <p className={`porting-mode mode-${sub.view?.mode}`} data-testid="submit-mode">
        {sub.view?.mode === 'simulator'
          ? 'Talking to the built-in simulator — nothing reaches a carrier.'
          : `Talking to the real Telnyx API${status ? ` (${status.baseUrl})` : ''}.`}
      </p>
      <span className="toolbar-spacer" />
      {hasLive && (
        <button
          type="button"
          className="btn btn-small"
          disabled={sub.busy !== null}
          onClick={() =>
            void sub.run('refresh', async () => {
              await call('porting.refresh', { caseId });
              await sub.load();
            })
          }
        >
          {sub.busy === 'refresh' ? 'Checking…' : 'Check for updates now'}
        </button>
      )}
    </div>
  );
}

function SimClockBar({ onMoved }: { onMoved(): void }) {
  const status = usePorting((s) => s.status);
  if (!status?.simulator) return null;
  return (
    <div className="sim-clock-bar" data-testid="sim-clock-bar">
      <span>
        Simulated time <strong>{localDateTime(status.simulator.now)}</strong>{' '}
        <span className="muted">({TIME_ZONE})</span>. The simulated carrier answers about 4 hours after submission and
        ports the numbers at the FOC: move its clock on
      </span>
      <SimClockButtons small steps={['+5 hours', '+1 day', '+1 week']} onMoved={onMoved} />
    </div>
  );
}

/** The one way in: a ready case (or orders waiting to be resubmitted) opens the Review & submit sheet. */
function SubmitEntry({
  caseRecord,
  live,
  refusal,
  onOpen,
}: {
  caseRecord: CaseRecord;
  live: OrderView[];
  /** why the send gate refuses (line-type rules, a resubmission the review still blocks) */
  refusal: string | null;
  onOpen(): void;
}) {
  const waiting = live.filter(waitingToSubmit);
  const exception = waiting.some((o) => o.status === 'exception');
  if (live.length > 0 && waiting.length === 0) return null;
  const canStart = caseRecord.status === 'ready' || waiting.length > 0;
  return (
    <section className="submit-step" data-testid="submit-entry">
      {!canStart && (
        <p className="callout callout-warn">
          The case is in {STATUS_LABEL[caseRecord.status]}: it can be submitted once it is Ready (after review).
        </p>
      )}
      {exception && (
        <p className="muted">
          Correct what the exception below points at first (Review tab: "Use CSR value", or the Details tab).
          Resubmitting updates each order from the case as it is now and confirms it again.
        </p>
      )}
      <button
        type="button"
        className="btn btn-primary"
        data-testid="open-submit-sheet"
        disabled={!canStart || refusal !== null}
        title={refusal ?? undefined}
        onClick={onOpen}
      >
        {exception
          ? `Review & resubmit ${plural(waiting.length, 'order')}…`
          : waiting.length
            ? `Review & submit ${plural(waiting.length, 'order')}…`
            : 'Review & submit…'}
      </button>
    </section>
  );
}
