import type { SettingsSectionProps } from '../settings/sections.js';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../ipc/index.js';
import { useApp } from '../../state/app.js';
import { toast } from '../../state/toasts.js';
import { askNotificationPermission, browserNotificationsSupported } from './notifications.js';
import { useDue } from './state.js';

type Draft = Record<'focDaysAhead' | 'ageWarnDays' | 'stalledBusinessDays', string> & { notify: boolean };

const FIELDS: { key: keyof Omit<Draft, 'notify'>; label: string; hint: string; min: number; max: number }[] = [
  { key: 'focDaysAhead', label: 'FOC within (days)', hint: '0 = today only, 1 = today and tomorrow', min: 0, max: 14 },
  {
    key: 'ageWarnDays',
    label: 'LOA / invoice age limit within (days)',
    hint: 'warn this many days before the age limit of the review settings',
    min: 0,
    max: 60,
  },
  {
    key: 'stalledBusinessDays',
    label: 'Order without progress for (business days)',
    hint: 'seed 002: the losing carrier takes 7–15 business days',
    min: 1,
    max: 60,
  },
];

/**
 * The Due list thresholds and desktop notifications, a section of the Settings page (they apply to
 * every case): loads and saves through due.settings / due.setSettings.
 */
export function DueSettings(_props: SettingsSectionProps) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const host = useApp((s) => s.info?.host);
  const [permission, setPermission] = useState(() =>
    browserNotificationsSupported() ? Notification.permission : 'unsupported',
  );

  useEffect(() => {
    call('due.settings', {}).then(
      (s) =>
        setDraft({
          focDaysAhead: String(s.focDaysAhead),
          ageWarnDays: String(s.ageWarnDays),
          stalledBusinessDays: String(s.stalledBusinessDays),
          notify: s.notify,
        }),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, []);

  if (!draft) return <div className="due-settings">{error ?? 'Loading…'}</div>;

  const save = async () => {
    const values = Object.fromEntries(FIELDS.map((f) => [f.key, Number(draft[f.key])])) as Record<
      (typeof FIELDS)[number]['key'],
      number
    >;
    const bad = FIELDS.find((f) => !Number.isInteger(values[f.key]) || values[f.key] < f.min || values[f.key] > f.max);
    if (bad) {
      setError(`${bad.label}: give a whole number from ${bad.min} to ${bad.max}.`);
      return;
    }
    setSaving(true);
    try {
      await call('due.setSettings', { ...values, notify: draft.notify });
      setError(null);
      toast.success('Due thresholds saved.');
      void useDue.getState().load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="due-settings"
      data-testid="due-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {FIELDS.map((f) => (
        <label key={f.key} className="field">
          <span className="field-label">{f.label}</span>
          <input
            type="number"
            min={f.min}
            max={f.max}
            value={draft[f.key]}
            onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
          />
          <span className="field-hint">{f.hint}</span>
        </label>
      ))}
      <label className="field field-check">
        <input
          type="checkbox"
          checked={draft.notify}
          onChange={(e) => setDraft({ ...draft, notify: e.target.checked })}
        />
        <span>Desktop notifications for new due items (FOC, document age, stalled orders)</span>
      </label>
      {host === 'loopback' && draft.notify && permission !== 'granted' && (
        <p className="field-hint">
          {permission === 'unsupported'
            ? 'This browser cannot show notifications; the Due list and the header count still show everything.'
            : permission === 'denied'
              ? 'The browser blocks notifications for this page: allow them in the site settings to get them.'
              : 'The browser has not been allowed to show notifications yet. '}
          {permission === 'default' && (
            <button
              type="button"
              className="btn-link"
              onClick={() => void askNotificationPermission(true).then((p) => setPermission(p))}
            >
              Allow notifications
            </button>
          )}
        </p>
      )}
      {error && (
        <p className="text-danger" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="btn btn-primary" disabled={saving}>
          Save thresholds
        </button>
      </div>
    </form>
  );
}
