import { useState } from 'react';
import { call, errorMessage } from '../../ipc/index.js';
import { toast } from '../../state/toasts.js';
import { usePorting } from './state.js';

const STEPS = [
  { label: '+1 hour', minutes: 60 },
  { label: '+5 hours', minutes: 5 * 60 },
  { label: '+1 day', minutes: 24 * 60 },
  { label: '+1 week', minutes: 7 * 24 * 60 },
] as const;

/**
 * Moves the simulator's clock on, so a port that takes days can be watched in a minute. The core
 * polls the orders right after, and the screens follow its change events.
 */
export function SimClockButtons({
  steps = STEPS.map((s) => s.label),
  withSpeed = false,
  small = false,
  onMoved,
}: {
  steps?: readonly (typeof STEPS)[number]['label'][];
  withSpeed?: boolean;
  small?: boolean;
  onMoved?(): void;
}) {
  const speed = usePorting((s) => s.status?.simulator?.speed ?? 1);
  const [busy, setBusy] = useState(false);

  const advance = async (minutes: number, nextSpeed?: number) => {
    setBusy(true);
    try {
      await call('sim.advance', { minutes, ...(nextSpeed === undefined ? {} : { speed: nextSpeed }) });
      await usePorting.getState().load();
      onMoved?.();
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="button-row" role="group" aria-label="Move the simulator clock on">
      {STEPS.filter((s) => steps.includes(s.label)).map((s) => (
        <button
          key={s.label}
          type="button"
          className={small ? 'btn btn-small' : 'btn'}
          disabled={busy}
          onClick={() => void advance(s.minutes)}
        >
          {s.label}
        </button>
      ))}
      {withSpeed && (
        <button
          type="button"
          className={small ? 'btn btn-small btn-quiet' : 'btn btn-quiet'}
          disabled={busy}
          onClick={() => void advance(0, speed === 1 ? 600 : 1)}
        >
          {speed === 1 ? 'Run ×600' : 'Back to real time'}
        </button>
      )}
    </span>
  );
}
