import { useState } from 'react';
import { errorMessage, transportKind } from '../ipc/index.js';
import { useApp } from '../state/app.js';
import { useDialogs } from '../state/dialogs.js';
import { useRoute } from '../state/route.js';
import { toast } from '../state/toasts.js';
import { useHeaderIndicators } from './indicators.js';
import { Modal } from './Modal.js';

const LINK_LABEL = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
} as const;

export function Header() {
  const info = useApp((s) => s.info);
  const infoError = useApp((s) => s.infoError);
  const link = useApp((s) => s.link);
  const indicators = useHeaderIndicators();
  const go = useRoute((s) => s.go);
  const openShortcuts = useDialogs((s) => s.setShortcutsOpen);
  const [editingActor, setEditingActor] = useState(false);

  const hostLabel = info
    ? info.host === 'electron'
      ? 'Desktop'
      : 'Browser (local host)'
    : transportKind() === 'ipc'
      ? 'Desktop'
      : 'Browser';
  return (
    <header className="app-header">
      <a
        className="brand"
        href="#/"
        onClick={(e) => {
          e.preventDefault();
          go({ name: 'queue' });
        }}
      >
        <span className="brand-mark" aria-hidden="true">
          PD
        </span>
        PortDesk
      </a>
      <div
        className="header-host"
        data-testid="host-info"
        title={
          info ? `Data folder: ${info.dataDir}\nSchema v${info.schemaVersion} · PortDesk ${info.version}` : undefined
        }
      >
        {infoError ? (
          <span className="text-danger">{infoError}</span>
        ) : (
          <>
            <span className="host-kind">{hostLabel}</span>
            {info && <span className="data-dir">{info.dataDir}</span>}
          </>
        )}
      </div>
      <div className="header-indicators" data-testid="header-indicators">
        {indicators.map(({ id, component: C }) => (
          <C key={id} />
        ))}
        <span className={`indicator link-${link}`} title="Updates from other windows and background work">
          <span className="dot" aria-hidden="true" />
          {LINK_LABEL[link]}
        </span>
      </div>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => setEditingActor(true)}
        title="The name recorded in each case's history"
      >
        {info ? info.actor : '…'}
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-icon"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => openShortcuts(true)}
      >
        ?
      </button>
      {editingActor && <ActorDialog initial={info?.actor ?? ''} onClose={() => setEditingActor(false)} />}
    </header>
  );
}

function ActorDialog({ initial, onClose }: { initial: string; onClose(): void }) {
  const setActor = useApp((s) => s.setActor);
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await setActor(name.trim());
      toast.success(`History will record changes as ${name.trim()}.`);
      onClose();
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="Your name in the history"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !name.trim()}
            onClick={() => void submit()}
          >
            Save name
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">Name</span>
        <input
          autoFocus
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && name.trim()) void submit();
          }}
        />
      </label>
    </Modal>
  );
}
