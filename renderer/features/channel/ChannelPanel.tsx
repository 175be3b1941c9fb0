import { useEffect, useRef, useState } from 'react';
import {
  MANUAL_STATUS_LABEL,
  type ChannelView,
  type ManualSubmission,
  type ParsedRejectionCode,
} from '../../../shared/contract/channel.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { call, errorMessage } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';
import { CarrierGuidanceList } from './CarrierGuidanceList.js';
import { LineTypes } from './LineTypes.js';
import { todayLocal, type useChannel } from './useChannel.js';
import './channel.css';

type Channel = ReturnType<typeof useChannel>;

/**
 * The channel chooser at the top of the Submission tab; for a manual channel, the ticket, the
 * rejections received, its dated steps with what holds the resend right under them, and the box for
 * another e-mailed rejection. Then the line types and the carrier guidance.
 */
export function ChannelPanel({ caseRecord, channel }: { caseRecord: CaseRecord; channel: Channel }) {
  const { view, setView, error } = channel;
  const [busy, setBusy] = useState(false);
  if (error)
    return (
      <p className="callout callout-danger" role="alert">
        Could not load the submission channel: {error}
      </p>
    );
  if (!view) return null;
  const run = async (fn: () => Promise<ChannelView>, done?: string) => {
    setBusy(true);
    try {
      setView(await fn());
      if (done) toast.success(done);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const choose = (next: 'telnyx' | 'manual') =>
    void run(() => call('channel.set', { caseId: view.caseId, channel: next }));

  return (
    <div className="channel-panel" data-testid="channel-panel">
      <section className="submit-step">
        <h3 className="section-title">Submission channel</h3>
        <div className="channel-choice" role="radiogroup" aria-label="Submission channel">
          <label>
            <input
              type="radio"
              name={`channel-${view.caseId}`}
              checked={view.channel === 'telnyx'}
              disabled={busy}
              onChange={() => choose('telnyx')}
            />{' '}
            Telnyx API (orders sent and followed by PortDesk)
          </label>
          <label>
            <input
              type="radio"
              name={`channel-${view.caseId}`}
              checked={view.channel === 'manual'}
              disabled={busy}
              onChange={() => choose('manual')}
            />{' '}
            Manual: a support ticket with the documents attached (carriers without an API)
          </label>
        </div>
        {view.channel === 'manual' ? (
          <ManualTicket view={view} busy={busy} run={run} status={caseRecord.status} />
        ) : (
          <SendGate view={view} />
        )}
      </section>
      <section className="submit-step">
        <h3 className="section-title">Numbers: line types</h3>
        <LineTypes view={view} onView={setView} />
        <CarrierGuidanceList guidance={view.guidance} />
      </section>
    </div>
  );
}

/** Why the case may not be sent now, said where the disabled send button is. */
function SendGate({ view }: { view: ChannelView }) {
  if (view.gate.allowed) return null;
  return (
    <p className="callout callout-danger" role="alert" id={`send-gate-${view.caseId}`} data-testid="send-gate">
      {view.gate.refusal}
    </p>
  );
}

interface StepProps {
  view: ChannelView;
  busy: boolean;
  status: CaseRecord['status'];
  run(fn: () => Promise<ChannelView>, done?: string): Promise<void>;
}

function ManualTicket({ view, busy, run, status }: StepProps) {
  const m = view.manual;
  const [ticket, setTicket] = useState({ ticket_id: m.ticket_id, link: m.link, submitted_by: m.submitted_by });
  // The view reloads whenever the case changes (a document finishing its reading, a line type, the
  // channel chosen a moment ago): a field the specialist is typing in keeps what was typed, and only a
  // field left as it was stored follows a new stored value.
  const stored = useRef({ ticket_id: m.ticket_id, link: m.link, submitted_by: m.submitted_by });
  useEffect(() => {
    const was = stored.current;
    const now = { ticket_id: m.ticket_id, link: m.link, submitted_by: m.submitted_by };
    stored.current = now;
    setTicket((t) => ({
      ticket_id: t.ticket_id === was.ticket_id ? now.ticket_id : t.ticket_id,
      link: t.link === was.link ? now.link : t.link,
      submitted_by: t.submitted_by === was.submitted_by ? now.submitted_by : t.submitted_by,
    }));
  }, [m.ticket_id, m.link, m.submitted_by]);
  const dirty = ticket.ticket_id !== m.ticket_id || ticket.link !== m.link || ticket.submitted_by !== m.submitted_by;
  return (
    <div className="manual-ticket" data-testid="manual-ticket">
      <div className="field-row">
        <label className="field">
          <span className="field-label">Ticket id</span>
          <input value={ticket.ticket_id} onChange={(e) => setTicket({ ...ticket, ticket_id: e.target.value })} />
        </label>
        <label className="field grow-2">
          <span className="field-label">Ticket link</span>
          <input
            type="url"
            value={ticket.link}
            placeholder="https://support.plivo.com/support/tickets/…"
            onChange={(e) => setTicket({ ...ticket, link: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">Handled by</span>
          <input value={ticket.submitted_by} onChange={(e) => setTicket({ ...ticket, submitted_by: e.target.value })} />
        </label>
        <button
          type="button"
          className="btn"
          disabled={busy || !dirty}
          onClick={() =>
            void run(
              () =>
                call('channel.set', { caseId: view.caseId, channel: 'manual', ...ticket, link: ticket.link.trim() }),
              'Ticket saved.',
            )
          }
        >
          Save ticket
        </button>
      </div>
      <p data-testid="manual-status">
        Status: <strong>{MANUAL_STATUS_LABEL[m.status]}</strong> <TicketDates m={m} />
        {m.link && (
          <>
            {' '}
            ·{' '}
            <a href={m.link} target="_blank" rel="noreferrer noopener">
              open the ticket
            </a>
          </>
        )}
      </p>
      {/* what the carrier rejected comes before the step that resubmits: it is what to fix */}
      <ReceivedRejections view={view} />
      <ManualSteps view={view} busy={busy} run={run} status={status} />
      <SendGate view={view} />
      <RejectionBox view={view} busy={busy} run={run} status={status} />
    </div>
  );
}

function TicketDates({ m }: { m: ManualSubmission }) {
  const parts = [
    m.submitted_on && `submitted ${m.submitted_on}`,
    m.rejected_on && `rejected ${m.rejected_on}`,
    m.foc_received_on && `FOC ${m.foc_date} received ${m.foc_received_on}`,
    m.ported_on && `ported ${m.ported_on}`,
  ].filter(Boolean);
  return parts.length ? <span className="muted">({parts.join(' · ')})</span> : null;
}

function ManualSteps({ view, busy, run, status }: StepProps) {
  const [on, setOn] = useState(todayLocal());
  const [foc, setFoc] = useState('');
  const move = (step: 'submitted' | 'foc-received' | 'ported', label: string) =>
    void run(
      () =>
        call('channel.moveManual', {
          caseId: view.caseId,
          status: step,
          on,
          ...(step === 'foc-received' ? { foc_date: foc } : {}),
        }),
      label,
    );
  const canSubmit = status === 'ready' || status === 'exception';
  return (
    <div className="field-row manual-steps">
      <label className="field">
        <span className="field-label">On</span>
        <input type="date" aria-label="Step date" value={on} onChange={(e) => setOn(e.target.value)} />
      </label>
      {canSubmit && (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="manual-submitted"
          disabled={busy || !on || !view.gate.allowed}
          title={view.gate.refusal ?? undefined}
          aria-describedby={view.gate.allowed ? undefined : `send-gate-${view.caseId}`}
          onClick={() => move('submitted', 'Recorded as submitted.')}
        >
          {status === 'exception' ? 'Resubmitted by ticket' : 'Submitted by ticket'}
        </button>
      )}
      {!canSubmit && status !== 'submitted' && status !== 'foc-confirmed' && (
        <span className="muted small">
          {status === 'ported' || status === 'cancelled'
            ? 'The case is closed.'
            : 'Mark the case ready on the Review tab before sending the ticket.'}
        </span>
      )}
      {status === 'submitted' && (
        <>
          <label className="field">
            <span className="field-label">FOC date</span>
            <input type="date" aria-label="FOC date" value={foc} onChange={(e) => setFoc(e.target.value)} />
          </label>
          <button
            type="button"
            className="btn"
            disabled={busy || !on || !foc}
            onClick={() => move('foc-received', 'FOC recorded.')}
          >
            FOC received
          </button>
        </>
      )}
      {status === 'foc-confirmed' && (
        <button type="button" className="btn" disabled={busy || !on} onClick={() => move('ported', 'Ported.')}>
          Ported
        </button>
      )}
    </div>
  );
}

function RejectionBox({ view, busy, run }: StepProps) {
  const [text, setText] = useState('');
  const [on, setOn] = useState(todayLocal());
  const [preview, setPreview] = useState<ParsedRejectionCode[] | null>(null);
  useEffect(() => {
    if (!text.trim()) return setPreview(null);
    let live = true;
    const t = setTimeout(() => {
      void call('channel.parseRejection', { text })
        .then((r) => live && setPreview(r.codes))
        .catch(() => live && setPreview(null));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [text]);
  return (
    <div className="rejection-box">
      <label className="field">
        <span className="field-label">
          {view.manual.rejections.length ? 'Another rejection received by e-mail' : 'Rejection received by e-mail'}
        </span>
        <textarea
          rows={4}
          value={text}
          data-testid="rejection-text"
          placeholder="Paste the carrier's e-mail: PortDesk reads the rejection codes from it."
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {preview && (
        <p className="small" data-testid="rejection-preview">
          {preview.length
            ? `Reads as: ${preview.map((c) => c.code).join(', ')}`
            : 'No rejection code recognised: it is kept as text.'}
        </p>
      )}
      <div className="field-row">
        <label className="field">
          <span className="field-label">Received on</span>
          <input type="date" aria-label="Received on" value={on} onChange={(e) => setOn(e.target.value)} />
        </label>
        <button
          type="button"
          className="btn"
          data-testid="record-rejection"
          disabled={busy || !text.trim() || !on}
          onClick={() =>
            void run(async () => {
              const v = await call('channel.recordRejection', { caseId: view.caseId, text, on });
              setText('');
              return v;
            }, 'Rejection recorded.')
          }
        >
          Record rejection
        </button>
      </div>
    </div>
  );
}

/** The e-mailed rejections and their codes, newest first (also shown in the review). */
export function ReceivedRejections({ view }: { view: ChannelView }) {
  if (view.manual.rejections.length === 0) return null;
  return (
    <ul className="received-rejections" data-testid="received-rejections" aria-label="Rejections received">
      {view.manual.rejections.map((r) => (
        <li key={r.recorded_at}>
          <strong>Rejected {r.received_on}</strong>{' '}
          {r.codes.length === 0 && <span className="muted">no code recognised: read the e-mail below</span>}
          <ul>
            {r.codes.map((c) => (
              <li key={c.code}>
                <code>{c.code}</code> {c.title} <span className="muted">“{c.matched}”</span>
                <div className="small">
                  <span className="muted">Action:</span> {c.action}
                </div>
              </li>
            ))}
          </ul>
          <details open={r.codes.length === 0}>
            <summary className="small">The e-mail</summary>
            <pre className="rejection-mail">{r.text}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
