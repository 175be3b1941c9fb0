import { useCallback, useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documents.js';
import type {
  CaseOrdersView,
  OrderSettings,
  OrderView,
  PortabilityCheckView,
  Sent,
} from '../../../shared/contract/porting.js';
import { call, errorMessage, onEvent } from '../../ipc/index.js';
import { dateTimeLabel, plural } from '../../lib/format.js';
import { toast } from '../../state/toasts.js';
import type { CaseTabProps } from '../case/tabs.js';
import { ChannelPanel } from '../channel/ChannelPanel.js';
import { useChannel } from '../channel/useChannel.js';
import { OrderCard } from './OrderCard.js';
import { OutboxList } from './OutboxList.js';
import { SimClockButtons } from './SimClock.js';
import { fromLocalInput, localDateTime, TIME_ZONE, toLocalInput, usePorting } from './state.js';

type Misc = OrderSettings['misc'];
type Window = { started_at: string; ended_at: string };
/** key: the order state the windows were fetched for */
interface FocPick {
  key: string;
  windows: Window[] | null;
  value: string;
  error: string | null;
}

const LIVE = (o: OrderView) => !['cancelled', 'deleted'].includes(o.status);
/** Orders the carrier is working on: the simulator's clock is what moves them on. */
const IN_FLIGHT = ['in-process', 'submitted', 'foc-date-confirmed', 'activation-in-progress', 'cancel-pending'];

/**
 * Submission: portability check, draft order(s) (the API may split them), FOC per order, documents,
 * submit through the outbox, then the orders as Telnyx (or the simulator) reports them.
 */
export function SubmitTab({ caseRecord }: CaseTabProps) {
  const status = usePorting((s) => s.status);
  const [view, setView] = useState<CaseOrdersView | null>(null);
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [remove, setRemove] = useState<Set<string>>(new Set());
  const [misc, setMisc] = useState<Misc>({
    type: 'full',
    remaining_numbers_action: null,
    new_billing_phone_number: null,
  });
  const [config, setConfig] = useState({ connection_id: '', messaging_profile_id: '', tags: '' });
  const [focs, setFocs] = useState<Record<string, FocPick>>({});
  const id = caseRecord.id;
  const channel = useChannel(caseRecord.id, caseRecord.version);

  const load = useCallback(async () => {
    try {
      const [v, d] = await Promise.all([
        call('porting.orders', { caseId: id }),
        call('documents.list', { caseId: id }).catch(() => null),
      ]);
      setView(v);
      setDocs(d);
      setLoadError(null);
      const saved = v.orders.find((o) => o.settings)?.settings;
      if (saved) {
        setMisc(saved.misc);
        setConfig({
          connection_id: saved.configuration.connection_id ?? '',
          messaging_profile_id: saved.configuration.messaging_profile_id ?? '',
          tags: (saved.configuration.tags ?? []).join(', '),
        });
      }
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load, caseRecord.version]);
  useEffect(
    () =>
      onEvent('cases.changed', ({ ids }) => {
        if (ids.includes(id)) void load();
      }),
    [id, load],
  );

  const run = async <T,>(what: string, fn: () => Promise<T>): Promise<T | null> => {
    setBusy(what);
    try {
      return await fn();
    } catch (err) {
      toast.error(errorMessage(err));
      return null;
    } finally {
      setBusy(null);
      void usePorting.getState().load();
    }
  };

  const afterSend = (s: Sent | null, done: string) => {
    if (!s) return;
    setSent(s);
    setView(s.view);
    if (s.state === 'done') toast.success(done);
  };

  // The allowed FOC windows of every order waiting to be (re)submitted, fetched once per state of the
  // order: an order back in exception gets them again (the windows move on with the clock, and an
  // FOC_REJECTED is fixed right here).
  const waitingKeys = (view?.orders ?? [])
    .filter((o) => o.status === 'draft' || o.status === 'exception')
    .map((o) => `${o.id}@${o.status}@${o.updated_at}`)
    .join(',');
  useEffect(() => {
    if (!waitingKeys) return;
    let live = true;
    void (async () => {
      for (const key of waitingKeys.split(',')) {
        const orderId = key.slice(0, key.indexOf('@'));
        if (focs[orderId]?.windows && focs[orderId].key === key) continue;
        try {
          const res = await call('porting.focWindows', { orderId });
          if (!live) return;
          setFocs((f) => {
            const first = res.windows[0];
            const kept = f[orderId]?.value ?? '';
            const value = res.windows.some((w) => insideWindow(kept, w))
              ? kept
              : first
                ? toLocalInput(new Date(Date.parse(first.started_at) + 2 * 3_600_000).toISOString())
                : '';
            return { ...f, [orderId]: { key, windows: res.windows, value, error: null } };
          });
        } catch (err) {
          if (live)
            setFocs((f) => ({
              ...f,
              [orderId]: {
                key,
                windows: null,
                value: f[orderId]?.value ?? '',
                error: `Allowed dates not available: ${errorMessage(err)}`,
              },
            }));
        }
      }
    })();
    return () => {
      live = false;
    };
    // focs is read only to skip orders already loaded: not a dependency
  }, [waitingKeys]);

  if (loadError)
    return (
      <p className="callout callout-danger" role="alert">
        Could not load the submission: {loadError}
      </p>
    );
  if (!view) return <p className="muted">Loading submission…</p>;
  // a case sent by ticket has no API orders: the channel panel is the whole submission
  if (channel.view?.channel === 'manual')
    return (
      <div className="submit-tab" data-testid="submit-tab">
        <ChannelPanel caseRecord={caseRecord} channel={channel} />
      </div>
    );

  const live = view.orders.filter(LIVE);
  const toSubmit = live.filter((o) => o.status === 'draft' || o.status === 'exception');
  const check = view.check;
  const canStart = caseRecord.status === 'ready';
  const hasDoc = (k: string) => (docs ?? []).some((d) => d.kind === k);
  const missingDocs = ['loa', 'invoice'].filter((k) => !hasDoc(k));

  const focError = (pick: FocPick | undefined): string | null => {
    if (!pick?.value) return 'Pick a date and time.';
    const utc = fromLocalInput(pick.value);
    if (!utc) return 'Not a date and time.';
    if (pick.windows && !pick.windows.some((w) => insideWindow(pick.value, w)))
      return 'Outside the allowed FOC windows.';
    return null;
  };

  const submit = async () => {
    const problems = toSubmit.map((o) => [o.id, focError(focs[o.id])] as const).filter(([, e]) => e);
    if (problems.length) {
      setFocs((f) =>
        Object.fromEntries(
          Object.entries(f).map(([k, v]) => [k, { ...v, error: problems.find(([i]) => i === k)?.[1] ?? null }]),
        ),
      );
      toast.error('Choose an FOC inside an allowed window for every order.');
      return;
    }
    const tags = config.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const s = await run('submit', () =>
      call('porting.submit', {
        caseId: id,
        orders: toSubmit.map((o) => ({ orderId: o.id, foc_datetime_requested: fromLocalInput(focs[o.id]!.value)! })),
        settings: {
          misc: { ...misc, new_billing_phone_number: misc.new_billing_phone_number?.trim() || null },
          configuration: {
            ...(config.connection_id.trim() ? { connection_id: config.connection_id.trim() } : {}),
            ...(config.messaging_profile_id.trim() ? { messaging_profile_id: config.messaging_profile_id.trim() } : {}),
            ...(tags.length ? { tags } : {}),
          },
        },
      }),
    );
    afterSend(s, `${plural(toSubmit.length, 'order')} submitted.`);
  };

  return (
    <div className="submit-tab" data-testid="submit-tab">
      <div className="submit-toolbar">
        <p className={`porting-mode mode-${view.mode}`} data-testid="submit-mode">
          {view.mode === 'simulator'
            ? 'Talking to the built-in simulator — nothing reaches a carrier.'
            : `Talking to the real Telnyx API${status ? ` (${status.baseUrl})` : ''}.`}
        </p>
        <span className="toolbar-spacer" />
        {live.length > 0 && (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy !== null}
            onClick={() =>
              void run('refresh', async () => {
                await call('porting.refresh', { caseId: id });
                await load();
              })
            }
          >
            {busy === 'refresh' ? 'Checking…' : 'Check for updates now'}
          </button>
        )}
      </div>

      <ChannelPanel caseRecord={caseRecord} channel={channel} />

      {view.mode === 'simulator' && status?.simulator && live.some((o) => IN_FLIGHT.includes(o.status)) && (
        <div className="sim-clock-bar" data-testid="sim-clock-bar">
          <span>
            Simulated time <strong>{localDateTime(status.simulator.now)}</strong>{' '}
            <span className="muted">({TIME_ZONE})</span>. The simulated carrier answers about 4 hours after submission
            and ports the numbers at the FOC: move its clock on
          </span>
          <SimClockButtons small steps={['+5 hours', '+1 day', '+1 week']} onMoved={() => void load()} />
        </div>
      )}

      {sent && sent.state !== 'done' && (
        <p
          className={sent.state === 'failed' ? 'callout callout-danger' : 'callout callout-warn'}
          role="status"
          data-testid="send-result"
        >
          {sent.state === 'failed' ? 'Refused: ' : ''}
          {sent.message}
        </p>
      )}

      {live.length === 0 && (
        <section className="submit-step">
          <h3 className="section-title">1. Portability check</h3>
          {!canStart && (
            <p className="callout callout-warn">
              The case is {caseRecord.status}: it can be submitted once it is Ready (after review).
            </p>
          )}
          <button
            type="button"
            className="btn"
            disabled={busy !== null}
            onClick={() =>
              void run('check', async () => {
                await call('porting.check', { caseId: id });
                await load();
              })
            }
          >
            {busy === 'check' ? 'Checking…' : check ? 'Check again' : 'Check portability'}
          </button>
          {check && <CheckResult check={check} remove={remove} setRemove={setRemove} />}

          <h3 className="section-title">2. Draft order</h3>
          <p className="muted">
            Telnyx may split the numbers into several orders (by country, number type, carrier/SPID and FastPort). Each
            is completed and submitted on its own.
          </p>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="create-draft"
            disabled={
              busy !== null || !canStart || !check || check.notPortable.some((n) => !remove.has(n.phone_number))
            }
            title={
              !check
                ? 'Check portability first'
                : check.notPortable.some((n) => !remove.has(n.phone_number))
                  ? 'Remove the numbers that are not portable, or stop'
                  : undefined
            }
            onClick={() =>
              void run('draft', async () =>
                afterSend(
                  await call('porting.createDraft', { caseId: id, removeNumbers: [...remove] }),
                  'Draft order created.',
                ),
              )
            }
          >
            {busy === 'draft' ? 'Creating…' : 'Create draft order'}
          </button>
        </section>
      )}

      {live.map((o) => (
        <OrderCard key={o.id} order={o} busy={busy !== null} onChanged={load} />
      ))}

      {toSubmit.length > 0 && (
        <section className="submit-step" data-testid="submit-form">
          <h3 className="section-title">
            {caseRecord.status === 'exception' ? 'Update and resubmit' : '3–6. Complete and submit'}
          </h3>
          {caseRecord.status === 'exception' && (
            <p className="muted">
              Correct what the exception above points at first (Review tab: "Use CSR value", or the Details tab).
              Resubmitting updates each order from the case as it is now and confirms it again.
            </p>
          )}
          <div className="docs-check">
            {(['loa', 'invoice', 'csr'] as const).map((k) => (
              <span key={k} className={hasDoc(k) ? 'doc-ok' : k === 'csr' ? 'doc-optional' : 'doc-missing'}>
                {hasDoc(k) ? '✓' : '✗'}{' '}
                {k === 'loa' ? 'LOA' : k === 'invoice' ? 'Invoice' : 'CSR (optional, sent as an additional document)'}
              </span>
            ))}
          </div>
          {missingDocs.length > 0 && (
            <p className="callout callout-warn">
              Attach the {missingDocs.join(' and ').replace('loa', 'signed LOA')} on the Documents tab first.
            </p>
          )}

          <div className="field-row">
            <label className="field">
              <span className="field-label">Port type</span>
              <select
                value={misc.type}
                onChange={(e) =>
                  setMisc({
                    ...misc,
                    type: e.target.value as Misc['type'],
                    remaining_numbers_action: e.target.value === 'full' ? null : misc.remaining_numbers_action,
                  })
                }
              >
                <option value="full">Full: every number on the account</option>
                <option value="partial">Partial: some numbers stay</option>
              </select>
            </label>
            {misc.type === 'partial' && (
              <label className="field">
                <span className="field-label">Numbers that stay</span>
                <select
                  value={misc.remaining_numbers_action ?? ''}
                  onChange={(e) =>
                    setMisc({
                      ...misc,
                      remaining_numbers_action: (e.target.value || null) as Misc['remaining_numbers_action'],
                    })
                  }
                >
                  <option value="">Choose…</option>
                  <option value="keep">Keep them with the losing carrier</option>
                  <option value="disconnect">Disconnect them</option>
                </select>
              </label>
            )}
            {misc.type === 'partial' && (
              <label className="field">
                <span className="field-label">
                  New BTN <span className="muted">(when the BTN is ported)</span>
                </span>
                <input
                  value={misc.new_billing_phone_number ?? ''}
                  onChange={(e) => setMisc({ ...misc, new_billing_phone_number: e.target.value })}
                  placeholder="(303) 555-0199"
                />
              </label>
            )}
          </div>
          <div className="field-row">
            <label className="field">
              <span className="field-label">
                Connection id <span className="muted">(optional)</span>
              </span>
              <input
                value={config.connection_id}
                onChange={(e) => setConfig({ ...config, connection_id: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field-label">
                Messaging profile id <span className="muted">(optional)</span>
              </span>
              <input
                value={config.messaging_profile_id}
                onChange={(e) => setConfig({ ...config, messaging_profile_id: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field-label">
                Tags <span className="muted">(comma separated)</span>
              </span>
              <input value={config.tags} onChange={(e) => setConfig({ ...config, tags: e.target.value })} />
            </label>
          </div>

          {toSubmit.map((o) => {
            const pick = focs[o.id];
            return (
              <div key={o.id} className="foc-pick" data-testid="foc-pick">
                <div className="foc-pick-head">
                  <strong>FOC for order {o.id.slice(0, 8)}</strong>{' '}
                  <span className="muted">
                    ({plural(o.numbers.length, 'number')}, {o.phone_number_type ?? 'type unknown'})
                  </span>
                  {!pick && <span className="muted small">Loading allowed dates…</span>}
                  {pick?.error && !pick.windows && <span className="text-danger small">{pick.error}</span>}
                </div>
                {pick?.windows && (
                  <>
                    <ul className="foc-windows">
                      {pick.windows.map((w) => (
                        <li key={w.started_at}>
                          <button
                            type="button"
                            className={`btn btn-small btn-quiet${insideWindow(pick.value, w) ? ' chosen' : ''}`}
                            aria-pressed={insideWindow(pick.value, w)}
                            onClick={() =>
                              setFocs((f) => ({
                                ...f,
                                [o.id]: {
                                  ...pick,
                                  value: toLocalInput(new Date(Date.parse(w.started_at) + 2 * 3_600_000).toISOString()),
                                  error: null,
                                },
                              }))
                            }
                          >
                            {windowLabel(w)}
                          </button>
                        </li>
                      ))}
                    </ul>
                    <label className="field foc-input">
                      <span className="field-label">Requested FOC ({TIME_ZONE}; sent in UTC)</span>
                      <input
                        type="datetime-local"
                        value={pick.value}
                        onChange={(e) =>
                          setFocs((f) => ({ ...f, [o.id]: { ...pick, value: e.target.value, error: null } }))
                        }
                      />
                      {pick.value && fromLocalInput(pick.value) && (
                        <span className="field-hint">= {fromLocalInput(pick.value)}</span>
                      )}
                      {(pick.error ?? (pick.value ? focError(pick) : null)) && (
                        <span className="text-danger small">{pick.error ?? focError(pick)}</span>
                      )}
                    </label>
                  </>
                )}
              </div>
            );
          })}
          <button
            type="button"
            className="btn btn-primary"
            data-testid="submit-orders"
            disabled={
              busy !== null ||
              missingDocs.length > 0 ||
              toSubmit.some((o) => focError(focs[o.id]) !== null) ||
              channel.view?.gate.allowed === false
            }
            title={channel.view?.gate.refusal ?? undefined}
            onClick={() => void submit()}
          >
            {busy === 'submit'
              ? 'Sending…'
              : `${caseRecord.status === 'exception' ? 'Update and resubmit' : 'Submit'} ${plural(toSubmit.length, 'order')}`}
          </button>
        </section>
      )}

      {view.outbox.length > 0 && (
        <section className="submit-step">
          <h3 className="section-title">Waiting in the outbox</h3>
          <OutboxList items={view.outbox} onChanged={() => void load()} />
        </section>
      )}
      {view.orders.some((o) => !LIVE(o)) && (
        <p className="muted small">
          Earlier orders:{' '}
          {view.orders
            .filter((o) => !LIVE(o))
            .map((o) => `${o.id.slice(0, 8)} (${o.statusLabel})`)
            .join(', ')}
        </p>
      )}
    </div>
  );
}

/** Whether the FOC typed in the user's zone falls in this window. */
function insideWindow(localValue: string, w: Window): boolean {
  const utc = localValue ? fromLocalInput(localValue) : null;
  if (!utc) return false;
  const t = Date.parse(utc);
  return t >= Date.parse(w.started_at) && t <= Date.parse(w.ended_at);
}

function windowLabel(w: Window): string {
  const s = new Date(w.started_at);
  const e = new Date(w.ended_at);
  const day = s.toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
  const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `${day} ${time(s)}–${time(e)}`;
}

function CheckResult({
  check,
  remove,
  setRemove,
}: {
  check: PortabilityCheckView;
  remove: Set<string>;
  setRemove(s: Set<string>): void;
}) {
  const toggle = (n: string) => {
    const next = new Set(remove);
    if (next.has(n)) next.delete(n);
    else next.add(n);
    setRemove(next);
  };
  return (
    <div className="check-result" data-testid="check-result">
      <p className="muted small">Checked {dateTimeLabel(check.checkedAt)}.</p>
      <p
        className={
          check.carrier.verdict === 'match'
            ? 'callout callout-ok'
            : check.carrier.verdict === 'unknown'
              ? 'callout'
              : 'callout callout-warn'
        }
        data-testid="carrier-verdict"
      >
        {check.carrier.message}
      </p>
      {check.invalid.length > 0 && (
        <p className="callout callout-danger">
          Not valid numbers (fix them on the Details tab):{' '}
          {check.invalid.map((i) => `${i.raw} (${i.error})`).join(', ')}
        </p>
      )}
      <table className="report-table">
        <thead>
          <tr>
            <th>Number</th>
            <th>Portable</th>
            <th>Carrier</th>
            <th>Type</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {check.numbers.map((n) => (
            <tr key={n.phone_number} className={n.portable ? '' : 'not-portable'}>
              <td className="mono">{n.phone_number}</td>
              <td>
                {n.portable ? (
                  n.fast_portable ? (
                    'Yes (FastPort)'
                  ) : (
                    'Yes'
                  )
                ) : (
                  <span className="text-danger">No — {n.reason}</span>
                )}
              </td>
              <td>{n.carrier_name ?? '—'}</td>
              <td>{n.phone_number_type ?? '—'}</td>
              <td>
                {!n.portable && (
                  <label>
                    <input
                      type="checkbox"
                      checked={remove.has(n.phone_number)}
                      onChange={() => toggle(n.phone_number)}
                    />{' '}
                    Remove from the case
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {check.notPortable.length > 0 && (
        <p className="callout callout-warn">
          {plural(check.notPortable.length, 'number')} cannot be ported. Remove{' '}
          {check.notPortable.length === 1 ? 'it' : 'them'} to go on with the rest, or stop here and talk to the
          customer.
        </p>
      )}
    </div>
  );
}
