import { useEffect } from 'react';
import { AuditPage } from '../features/audit/AuditPage.js';
import { CasePage } from '../features/case/CasePage.js';
import { DuePage } from '../features/due/DuePage.js';
import { QueuePage } from '../features/queue/QueuePage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { call, errorMessage, onEvent, onLinkChange } from '../ipc/index.js';
import { hasModifier, isTypingTarget, modalOpen } from '../lib/keys.js';
import { useApp } from '../state/app.js';
import { useCaseDetail } from '../state/caseDetail.js';
import { useDialogs } from '../state/dialogs.js';
import { scheduleQueueRefresh } from '../state/queue.js';
import { useRoute } from '../state/route.js';
import { ConfirmHost } from './ConfirmHost.js';
import { Header } from './Header.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { Toasts } from './Toasts.js';

export function App() {
  const route = useRoute((s) => s.route);

  useEffect(() => {
    void useApp.getState().loadInfo();
    const offChanged = onEvent('cases.changed', ({ ids }) => {
      scheduleQueueRefresh();
      const open = useCaseDetail.getState();
      if (open.id !== null && ids.includes(open.id)) void open.onChangedElsewhere();
    });
    let wasOpen = false;
    const offLink = onLinkChange((link) => {
      useApp.setState({ link });
      // events may have been missed while the stream was down: catch up once it is back
      if (link === 'open' && wasOpen) {
        scheduleQueueRefresh(0);
        void useCaseDetail.getState().onChangedElsewhere();
      }
      if (link === 'open') wasOpen = true;
      if (link === 'closed') {
        // the stream was refused: ask once more to learn why (usually a restarted host, new sign-in link)
        call('app.info', {}).then(
          () => useApp.setState({ fatal: 'Live updates stopped. Reload this page to see changes from other windows.' }),
          (err: unknown) => useApp.setState({ fatal: errorMessage(err) }),
        );
      }
    });
    return () => {
      offChanged();
      offLink();
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === ',' && (e.ctrlKey || e.metaKey) && !e.altKey && !modalOpen()) {
        e.preventDefault();
        useRoute.getState().go({ name: 'settings' });
        return;
      }
      if (
        e.key !== '?' ||
        e.defaultPrevented ||
        modalOpen() ||
        isTypingTarget(e.target) ||
        (hasModifier(e) && !e.shiftKey)
      )
        return;
      e.preventDefault();
      useDialogs.getState().setShortcutsOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <Header />
      <FatalBanner />
      {route.name === 'queue' ? (
        <QueuePage />
      ) : route.name === 'due' ? (
        <DuePage />
      ) : route.name === 'audit' ? (
        <AuditPage />
      ) : route.name === 'settings' ? (
        <SettingsPage section={route.section} caseId={route.caseId} />
      ) : (
        <CasePage route={route} />
      )}
      <Toasts />
      <ConfirmHost />
      <ShortcutsDialog />
    </div>
  );
}

function FatalBanner() {
  const fatal = useApp((s) => s.fatal);
  if (!fatal) return null;
  return (
    <div className="fatal-banner" role="alert" data-testid="fatal-banner">
      {fatal}
    </div>
  );
}
