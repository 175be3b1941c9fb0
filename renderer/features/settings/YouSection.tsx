import { useEffect, useState } from 'react';
import { errorMessage } from '../../ipc/index.js';
import { useApp } from '../../state/app.js';
import { toast } from '../../state/toasts.js';
import { ScopeTag } from './ScopeTag.js';

/** The name every case's history records for this user. */
export function YouSection() {
  const info = useApp((s) => s.info);
  const setActor = useApp((s) => s.setActor);
  const [name, setName] = useState(info?.actor ?? '');
  const [busy, setBusy] = useState(false);
  useEffect(() => setName(info?.actor ?? ''), [info?.actor]);
  const save = async () => {
    setBusy(true);
    try {
      await setActor(name.trim());
      toast.success(`History will record changes as ${name.trim()}.`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="settings-row"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim() && name.trim() !== info?.actor) void save();
      }}
    >
      <label className="field">
        <span className="field-label">
          Your name in the history <ScopeTag scope="global" />
        </span>
        <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="btn" disabled={busy || !name.trim() || name.trim() === info?.actor}>
        Save name
      </button>
    </form>
  );
}
