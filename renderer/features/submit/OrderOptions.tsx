import { useEffect, useState } from 'react';
import type { CaseOrdersView, OrderSettings } from '../../../shared/contract/porting.js';

type Misc = OrderSettings['misc'];
interface Config {
  connection_id: string;
  messaging_profile_id: string;
  tags: string;
}

const FRESH_MISC: Misc = { type: 'full', remaining_numbers_action: null, new_billing_phone_number: null };

/**
 * Port type and the order's configuration, as last sent for this case (a resubmission keeps them);
 * a first submission starts as a partial port when the review found numbers staying on the account.
 */
export function useOrderOptions(view: CaseOrdersView | null, partialPort: boolean) {
  const saved = view?.orders.find((o) => o.settings)?.settings ?? null;
  const [misc, setMisc] = useState<Misc>(FRESH_MISC);
  const [config, setConfig] = useState<Config>({ connection_id: '', messaging_profile_id: '', tags: '' });
  const savedKey = saved ? JSON.stringify(saved) : `fresh:${partialPort}`;
  useEffect(() => {
    if (!saved) {
      setMisc(partialPort ? { ...FRESH_MISC, type: 'partial', remaining_numbers_action: 'keep' } : FRESH_MISC);
      return;
    }
    setMisc(saved.misc);
    setConfig({
      connection_id: saved.configuration.connection_id ?? '',
      messaging_profile_id: saved.configuration.messaging_profile_id ?? '',
      tags: (saved.configuration.tags ?? []).join(', '),
    });
    // savedKey stands for `saved` (a new object on every load)
  }, [savedKey]);

  const settings = (): Omit<OrderSettings, 'foc_datetime_requested'> => {
    const tags = config.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const trimmed = (s: string) => s.trim();
    return {
      misc: { ...misc, new_billing_phone_number: misc.new_billing_phone_number?.trim() || null },
      configuration: {
        ...(trimmed(config.connection_id) ? { connection_id: trimmed(config.connection_id) } : {}),
        ...(trimmed(config.messaging_profile_id) ? { messaging_profile_id: trimmed(config.messaging_profile_id) } : {}),
        ...(tags.length ? { tags } : {}),
      },
    };
  };
  const incomplete =
    misc.type === 'partial' && !misc.remaining_numbers_action ? 'Choose what happens to the numbers that stay.' : null;
  return { misc, setMisc, config, setConfig, settings, incomplete };
}

export type OrderOptionsState = ReturnType<typeof useOrderOptions>;

export const PORT_TYPE_LABEL: Record<Misc['type'], string> = {
  full: 'Full: every number on the account',
  partial: 'Partial: some numbers stay',
};

export function PortTypeFields({ options }: { options: OrderOptionsState }) {
  const { misc, setMisc } = options;
  return (
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
          <option value="full">{PORT_TYPE_LABEL.full}</option>
          <option value="partial">{PORT_TYPE_LABEL.partial}</option>
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
  );
}

export function ConfigurationFields({ options }: { options: OrderOptionsState }) {
  const { config, setConfig } = options;
  const field = (key: keyof Config, label: string, hint: string) => (
    <label className="field">
      <span className="field-label">
        {label} <span className="muted">({hint})</span>
      </span>
      <input value={config[key]} onChange={(e) => setConfig({ ...config, [key]: e.target.value })} />
    </label>
  );
  return (
    <details className="order-config">
      <summary>Connection, messaging profile and tags (optional)</summary>
      <div className="field-row">
        {field('connection_id', 'Connection id', 'optional')}
        {field('messaging_profile_id', 'Messaging profile id', 'optional')}
        {field('tags', 'Tags', 'comma separated')}
      </div>
    </details>
  );
}
