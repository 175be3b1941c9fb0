import { useState } from 'react';
import type { CommentView, OrderView } from '../../../shared/contract/porting.js';
import { labelInSentence } from '../../../shared/domain/fields.js';
import { call, errorMessage } from '../../ipc/index.js';
import { plural } from '../../lib/format.js';
import { useQuery } from '../../lib/query.js';
import { confirmAction } from '../../state/dialogs.js';
import { toast } from '../../state/toasts.js';
import { localDateTime, TIME_ZONE, usePorting } from './state.js';

/** One Telnyx order: its numbers, status, exceptions explained, FOC and reminder, comments, cancel. */
export function OrderCard({
  order: o,
  busy,
  onChanged,
}: {
  order: OrderView;
  busy: boolean;
  onChanged(): Promise<void> | void;
}) {
  const { comments, showComments, setShowComments, reply, setReply, sending, send } = useOrderComments(o);

  const cancel = async () => {
    const answer = await confirmAction({
      title: `Cancel order ${o.id.slice(0, 8)}?`,
      body: `The port of ${plural(o.numbers.length, 'number')} stops. Telnyx reviews the cancellation first (cancel pending); a cancelled order cannot be reopened.`,
      confirmLabel: 'Cancel the order',
      danger: true,
    });
    if (!answer.ok) return;
    try {
      const s = await call('porting.cancel', { orderId: o.id });
      if (s.state === 'done') toast.success('Cancel requested.');
      else toast.info(s.message);
      await onChanged();
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };

  return (
    <section className={`order-card order-${o.status}`} data-testid="order-card" data-order={o.id}>
      <OrderHead order={o} />
      <p className="order-numbers mono">{o.numbers.join(', ')}</p>

      {o.exceptions.length > 0 && <OrderExceptions exceptions={o.exceptions} />}

      {o.fieldErrors.length > 0 && <OrderFieldErrors errors={o.fieldErrors} />}

      <OrderFoc order={o} />

      {(o.requirements.length > 0 || o.additional_steps.length > 0) && (
        <div className="order-reqs">
          {o.requirements.length > 0 && (
            <span>
              Requirements{o.requirements_met ? ' (met)' : ''}:{' '}
              {o.requirements.map((r) => `${r.name}${r.status ? ` — ${r.status}` : ''}`).join('; ')}
            </span>
          )}
          {o.additional_steps.length > 0 && (
            <span className="text-warn"> · Additional steps: {o.additional_steps.join(', ').replace(/_/g, ' ')}</span>
          )}
        </div>
      )}

      <div className="order-actions">
        <button type="button" className="btn btn-small" onClick={() => setShowComments(!showComments)}>
          {showComments ? 'Hide comments' : `Comments${comments ? ` (${comments.length})` : ''}`}
        </button>
        {o.status !== 'ported' && o.status !== 'cancel-pending' && (
          <button
            type="button"
            className="btn btn-small btn-danger-quiet"
            disabled={busy || !o.cancellable}
            title={o.cancelRefusal ?? 'Cancel this order'}
            onClick={() => void cancel()}
          >
            Cancel order…
          </button>
        )}
        {!o.cancellable && o.cancelRefusal && o.status === 'foc-date-confirmed' && (
          <span className="muted small">{o.cancelRefusal}</span>
        )}
      </div>

      {showComments && (
        <OrderComments
          order={o}
          comments={comments}
          reply={reply}
          setReply={setReply}
          sending={sending}
          onSend={() => void send()}
        />
      )}
    </section>
  );
}

/** Who wrote a comment; in simulator mode the "carrier" is PortDesk's own simulated desk. */
function commentAuthor(userType: string | null, endpoint: string): string {
  if (userType === 'user') return 'You';
  if (userType === 'admin')
    return endpoint === 'simulator' ? 'Telnyx porting (simulated losing carrier)' : 'Telnyx porting';
  return userType ?? '';
}

/** Where in PortDesk the fix happens, depending on what the codes point at (each code's action says what). */
function nextStep(exceptions: OrderView['exceptions']): string {
  const fields = new Set(exceptions.map((e) => e.field));
  const parts: string[] = [];
  if ([...fields].some((f) => f && !['carrier', 'foc_date', 'phone_numbers'].includes(f))) {
    parts.push(
      'Correct the case: on the Review tab "Use CSR value" copies the carrier\'s exact string (or edit the field on the Details tab); attach a corrected LOA on the Documents tab if the LOA is wrong too.',
    );
  }
  if (fields.has('phone_numbers'))
    parts.push('Numbers and full/partial: adjust the case numbers or the port type below.');
  if (fields.has('foc_date')) parts.push('Pick a new FOC below.');
  if ([...fields].every((f) => f === 'carrier')) {
    parts.push(
      'Nothing on the case to correct: the comments below say what the carrier needs. Resubmit below once it is resolved.',
    );
  } else {
    parts.push('Then "Update and resubmit" below sends the order again, built from the case as it is then.');
  }
  return parts.join(' ');
}

/** The order's comments with the carrier: shown while an exception is open, a reply sent from here. */
function useOrderComments(o: OrderView) {
  const [showComments, setShowComments] = useState(o.status === 'exception');
  const [reply, setReply] = useState('');
  const [sending, setSending] = useState(false);

  const { data: comments, setData: setComments } = useQuery(
    () => call('porting.comments', { orderId: o.id, refresh: true }),
    [o.id, o.updated_at],
    {
      enabled: showComments,
      onError: (err) => {
        toast.error(errorMessage(err));
        return undefined;
      },
    },
  );

  // The carrier's comment explains an exception: open them when one arrives, fold them away once it is resolved.
  const [shownFor, setShownFor] = useState(o.status);
  if (shownFor !== o.status) {
    setShownFor(o.status);
    if (o.status === 'exception') setShowComments(true);
    else if (shownFor === 'exception') setShowComments(false);
  }

  const send = async () => {
    setSending(true);
    try {
      const s = await call('porting.addComment', { orderId: o.id, body: reply.trim() });
      setReply('');
      if (s.state === 'done') toast.success('Comment sent.');
      else toast.info(s.message);
      setComments(await call('porting.comments', { orderId: o.id, refresh: false }));
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setSending(false);
      void usePorting.getState().load();
    }
  };

  return { comments, showComments, setShowComments, reply, setReply, sending, send };
}

function OrderExceptions({ exceptions }: { exceptions: OrderView['exceptions'] }) {
  return (
    <div className="callout callout-danger" data-testid="order-exceptions">
      <strong>
        The losing carrier rejected the order{exceptions.length > 1 ? ` for ${exceptions.length} reasons` : ''}.
      </strong>
      <ul className="exception-list">
        {exceptions.map((e) => (
          <li key={e.code} data-code={e.code}>
            <div>
              <code>{e.code}</code>
              {e.description ? (
                <>
                  {' '}
                  <strong>{e.description}</strong>
                </>
              ) : null}
            </div>
            {e.meaning && e.meaning !== e.description && <div className="exception-meaning">{e.meaning}</div>}
            {e.action && (
              <div className="exception-action">
                <strong>What to do{e.fieldLabel ? ` (${labelInSentence(e.fieldLabel)})` : ''}:</strong> {e.action}
              </div>
            )}
          </li>
        ))}
      </ul>
      <p className="exception-next" data-testid="exception-next">
        {nextStep(exceptions)}
      </p>
    </div>
  );
}

function OrderFieldErrors({ errors }: { errors: OrderView['fieldErrors'] }) {
  return (
    <div className="callout callout-danger" data-testid="field-errors">
      <strong>Telnyx refused these values — correct them on the Details tab (or below) and submit again:</strong>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <strong>{e.label}</strong>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The FOC the carrier confirmed, or the one asked for. */
function OrderFoc({ order: o }: { order: OrderView }) {
  if (o.foc_actual)
    return (
      <p className="callout callout-ok" data-testid="foc-confirmed">
        <strong>
          {o.status === 'ported' ? 'Ported on the FOC' : 'FOC confirmed'}: {localDateTime(o.foc_actual)}
        </strong>{' '}
        <span className="muted">({TIME_ZONE})</span>.
        {o.status !== 'ported' && o.numbers_added_from && (
          <>
            {' '}
            Telnyx adds the numbers to your account from {localDateTime(o.numbers_added_from)}: set up the connection
            and messaging profile before then.
          </>
        )}
      </p>
    );
  if (o.foc_requested)
    return (
      <p className="muted">
        Requested FOC: {localDateTime(o.foc_requested)} ({TIME_ZONE})
      </p>
    );
  return null;
}

function OrderComments({
  order: o,
  comments,
  reply,
  setReply,
  sending,
  onSend,
}: {
  order: OrderView;
  comments: CommentView[] | null;
  reply: string;
  setReply(text: string): void;
  sending: boolean;
  onSend(): void;
}) {
  return (
    <div className="order-comments" data-testid="order-comments">
      {comments === null ? (
        <p className="muted">Loading comments…</p>
      ) : comments.length === 0 ? (
        <p className="muted">No comments.</p>
      ) : (
        <ol>
          {comments.map((c) => (
            <li key={c.id} className={`comment comment-${c.user_type ?? 'user'}${c.pending ? ' pending' : ''}`}>
              <div className="muted small">
                {commentAuthor(c.user_type, o.endpoint)} · {c.created_at ? localDateTime(c.created_at) : ''}
                {c.pending ? ' · waiting to be sent' : ''}
              </div>
              <div className="comment-body">{c.body}</div>
            </li>
          ))}
        </ol>
      )}
      <label className="field">
        <span className="field-label">Reply</span>
        <textarea
          rows={2}
          value={reply}
          maxLength={5000}
          onChange={(e) => setReply(e.target.value)}
          data-testid="comment-input"
        />
      </label>
      <button type="button" className="btn btn-small" disabled={sending || !reply.trim()} onClick={onSend}>
        Send comment
      </button>
    </div>
  );
}

function OrderHead({ order: o }: { order: OrderView }) {
  return (
    <header className="order-head">
      <span className={`chip order-status order-status-${o.status}`}>{o.statusLabel}</span>
      <strong className="mono" title={o.id}>
        {o.id}
      </strong>
      <span className="muted">
        {plural(o.numbers.length, 'number')} · {o.phone_number_type ?? 'type unknown'}
        {o.old_service_provider ? ` · from ${o.old_service_provider}` : ''}
        {o.fast_port_eligible ? ' · FastPort' : ''}
        {o.support_key ? ` · support key ${o.support_key}` : ''}
      </span>
    </header>
  );
}
