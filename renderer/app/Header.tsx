import { transportKind } from '../ipc/index.js';
import { useApp } from '../state/app.js';
import { useDialogs } from '../state/dialogs.js';
import { useRoute } from '../state/route.js';
import { useHeaderIndicators } from './indicators.js';

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
        onClick={() => go({ name: 'settings', section: 'you' })}
        title="The name recorded in each case's history (change it in Settings)"
      >
        {info ? info.actor : '…'}
      </button>
      <a
        className="btn btn-ghost"
        href="#/settings"
        data-testid="settings-link"
        title="Settings (Ctrl+,)"
        onClick={(e) => {
          e.preventDefault();
          go({ name: 'settings' });
        }}
      >
        Settings
      </a>
      <button
        type="button"
        className="btn btn-ghost btn-icon"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => openShortcuts(true)}
      >
        ?
      </button>
    </header>
  );
}
