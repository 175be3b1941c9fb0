import { useCallback, useEffect, useState } from 'react';
import type { CaseReview, ReviewSettings } from '../../../shared/contract/review.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { reviewedRejection } from '../../../shared/domain/fields.js';
import { call, errorMessage } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';
import { CarrierLimitsTable } from './CarrierLimitsTable.js';
import { ScopeTag } from './ScopeTag.js';
import type { SettingScope, SettingsSectionProps } from './sections.js';

const days = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/**
 * How old an invoice and an LOA may be: the default (every case), per losing carrier, and per case.
 * Opened from a case, it first asks where a change should apply, so a limit changed for one
 * customer never silently changes every case.
 */
export function AgeLimitsSection({ caseId }: SettingsSectionProps) {
  const [settings, setSettings] = useState<ReviewSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('review.settings', {}).then(setSettings, (err: unknown) => setError(errorMessage(err)));
  }, []);
  useEffect(load, [load]);

  const save = async (next: ReviewSettings, done: string): Promise<boolean> => {
    try {
      setSettings(await call('review.setSettings', next));
      setError(null);
      toast.success(`${done} The open cases are being checked again.`);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  };

  if (!settings) return error ? <p className="callout callout-danger">{error}</p> : <p className="muted">Loading…</p>;
  return (
    <div className="age-limits">
      <p className="small muted">
        An invoice or LOA older than its limit on the day of review is predicted as a rejection (
        {reviewedRejection('invoice_date')}, {reviewedRejection('loa_date')}). Carriers differ: Telnyx asks for an
        invoice within 30 days, some accept 60; LOAs 30 to 90 days. A case's own limits win over its carrier's, which
        win over the defaults.
      </p>
      {caseId !== null && <CaseLimitsForm caseId={caseId} settings={settings} save={save} />}
      <DefaultLimits settings={settings} save={save} />
      <CarrierLimitsTable settings={settings} save={save} />
      <CaseLimitsList settings={settings} save={save} />
      {error && (
        <p className="callout callout-danger" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type Save = (next: ReviewSettings, done: string) => Promise<boolean>;

function DefaultLimits({ settings, save }: { settings: ReviewSettings; save: Save }) {
  const [invoice, setInvoice] = useState(String(settings.defaults.invoiceMaxAgeDays));
  const [loa, setLoa] = useState(String(settings.defaults.loaMaxAgeDays));
  return (
    <form
      className="settings-row"
      data-testid="default-limits"
      onSubmit={(e) => {
        e.preventDefault();
        void save(
          { ...settings, defaults: { invoiceMaxAgeDays: Number(invoice), loaMaxAgeDays: Number(loa) } },
          'Default age limits saved.',
        );
      }}
    >
      <h3 className="section-title">
        Default, every case <ScopeTag scope="global" />
      </h3>
      <DaysFields invoice={invoice} loa={loa} onInvoice={setInvoice} onLoa={setLoa} />
      <button type="submit" className="btn">
        Save defaults
      </button>
    </form>
  );
}

/** The two limits as labelled day fields (the defaults and a case's limits use the same pair). */
function DaysFields(p: { invoice: string; loa: string; onInvoice(v: string): void; onLoa(v: string): void }) {
  return (
    <>
      <label className="field">
        <span className="field-label">Invoice, days</span>
        <input type="number" min={1} max={3650} value={p.invoice} onChange={(e) => p.onInvoice(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">LOA, days</span>
        <input type="number" min={1} max={3650} value={p.loa} onChange={(e) => p.onLoa(e.target.value)} />
      </label>
    </>
  );
}

const SCOPE_CHOICE: Record<SettingScope, (c: CaseRecord) => string> = {
  'per-case': (c) => `This case only (case ${c.id})`,
  'per-carrier': (c) => `Every ${c.losing_carrier || 'same-carrier'} case`,
  global: () => 'Every case (the default)',
};

/** Opened from a case: its limits now, and a change applied where the user says. */
function CaseLimitsForm({ caseId, settings, save }: { caseId: number; settings: ReviewSettings; save: Save }) {
  const [rec, setRec] = useState<CaseRecord | null>(null);
  const [limits, setLimits] = useState<CaseReview['limits'] | null>(null);
  const [invoice, setInvoice] = useState('');
  const [loa, setLoa] = useState('');
  const [scope, setScope] = useState<SettingScope | null>(null);
  const refresh = useCallback(async () => {
    const [c, r] = await Promise.all([call('cases.get', { id: caseId }), call('review.compare', { caseId })]);
    setRec(c);
    setLimits(r.limits);
    setInvoice(String(r.limits.invoiceMaxAgeDays));
    setLoa(String(r.limits.loaMaxAgeDays));
  }, [caseId]);
  useEffect(() => {
    refresh().catch((err: unknown) => toast.error(errorMessage(err)));
  }, [refresh]);
  if (!rec || !limits) return <p className="muted">Loading case {caseId}…</p>;

  const from = limits.case ? 'its own limits' : limits.carrier ? `the limits for ${limits.carrier}` : 'the defaults';
  const apply = async () => {
    if (!scope) return;
    const values = { invoiceMaxAgeDays: days(invoice)!, loaMaxAgeDays: days(loa)! };
    const next = withScope(settings, scope, rec, limits.carrier, values);
    if (await save(next, `Age limits saved for ${SCOPE_CHOICE[scope](rec).toLowerCase()}.`)) await refresh();
  };
  return (
    <div className="case-limits callout" data-testid="case-limits">
      <h3 className="section-title">
        Case {rec.id} · {rec.entity_name || 'unnamed'} <ScopeTag scope="per-case" />
      </h3>
      <p data-testid="case-limits-now">
        Checked with invoice {limits.invoiceMaxAgeDays} d, LOA {limits.loaMaxAgeDays} d — from {from}.
      </p>
      <div className="settings-row">
        <DaysFields invoice={invoice} loa={loa} onInvoice={setInvoice} onLoa={setLoa} />
      </div>
      <fieldset className="scope-choice">
        <legend>Apply the change to</legend>
        {(['per-case', 'per-carrier', 'global'] as const).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="limits-scope"
              checked={scope === s}
              disabled={s === 'per-carrier' && !rec.losing_carrier.trim()}
              onChange={() => setScope(s)}
            />{' '}
            {SCOPE_CHOICE[s](rec)}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="btn btn-primary"
        disabled={!scope || !days(invoice) || !days(loa)}
        title={scope ? undefined : 'Choose where the change applies first'}
        onClick={() => void apply()}
      >
        Save age limits
      </button>
    </div>
  );
}

/** The settings with the case's limits set at the chosen level (one entry per carrier and per case). */
function withScope(
  settings: ReviewSettings,
  scope: SettingScope,
  rec: CaseRecord,
  matchedCarrier: string | null,
  values: { invoiceMaxAgeDays: number; loaMaxAgeDays: number },
): ReviewSettings {
  if (scope === 'global') return { ...settings, defaults: values };
  if (scope === 'per-case')
    return {
      ...settings,
      cases: [...settings.cases.filter((c) => c.caseId !== rec.id), { caseId: rec.id, ...values }],
    };
  const name = matchedCarrier ?? rec.losing_carrier.trim();
  const others = settings.carriers.filter((c) => c.carrier !== name);
  return { ...settings, carriers: [...others, { carrier: name, ...values }] };
}

function CaseLimitsList({ settings, save }: { settings: ReviewSettings; save: Save }) {
  if (settings.cases.length === 0) return null;
  return (
    <div data-testid="case-limits-list">
      <h3 className="section-title">
        Cases with limits of their own <ScopeTag scope="per-case" />
      </h3>
      <ul className="settings-list">
        {settings.cases.map((c) => (
          <li key={c.caseId}>
            <a href={`#/case/${c.caseId}`}>Case {c.caseId}</a>: invoice {c.invoiceMaxAgeDays ?? 'default'} d, LOA{' '}
            {c.loaMaxAgeDays ?? 'default'} d{' '}
            <button
              type="button"
              className="btn btn-small btn-quiet"
              onClick={() =>
                void save(
                  { ...settings, cases: settings.cases.filter((x) => x.caseId !== c.caseId) },
                  `Case ${c.caseId} follows its carrier's limits again.`,
                )
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
