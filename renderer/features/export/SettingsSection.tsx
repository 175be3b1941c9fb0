import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';
import { ScopeTag } from '../settings/ScopeTag.js';

/** The gaining carrier every LOA names, kept here instead of asked at every export. */
export function PacketsSettings() {
  const [saved, setSaved] = useState<string | null>(null);
  const [value, setValue] = useState('');
  useEffect(() => {
    call('settings.get', {}).then(
      (s) => {
        setSaved(s.gainingCarrier);
        setValue(s.gainingCarrier);
      },
      (err: unknown) => toast.error(errorMessage(err)),
    );
  }, []);
  const save = async () => {
    try {
      const s = await call('settings.set', { gainingCarrier: value });
      setSaved(s.gainingCarrier);
      toast.success(
        s.gainingCarrier
          ? `LOAs now name ${s.gainingCarrier} as the gaining carrier.`
          : 'LOAs now say "the new service provider".',
      );
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  return (
    <form
      className="settings-row"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field grow-2">
        <span className="field-label">
          Gaining carrier named on every LOA <ScopeTag scope="global" />
        </span>
        <input
          value={value}
          // until the saved value arrives: typing earlier would be overwritten by it
          disabled={saved === null}
          maxLength={120}
          placeholder="the new service provider"
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit" className="btn" disabled={saved === null || value.trim() === saved}>
        Save gaining carrier
      </button>
      <span className="muted small">The review never takes this name, read on a document, for the customer's.</span>
    </form>
  );
}
