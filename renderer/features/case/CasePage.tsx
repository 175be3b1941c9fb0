import { useEffect, useState } from 'react';
import type { Route } from '../../state/route.js';
import { useRoute } from '../../state/route.js';
import { StatusChip } from '../../app/StatusChip.js';
import { ageLabel, dateTimeLabel } from '../../lib/format.js';
import { isTypingTarget, modalOpen } from '../../lib/keys.js';
import { changeCount, changesOf, useCaseDetail } from '../../state/caseDetail.js';
import { confirmAction } from '../../state/dialogs.js';
import { toast } from '../../state/toasts.js';
import { ConflictBanner } from './ConflictBanner.js';
import { DetailsForm } from './DetailsForm.js';
import { StatusPanel } from './StatusPanel.js';
import { useCaseTabs } from './tabs.js';

/** One case: edit, move through the lifecycle, and the tabs other features add. */
export function CasePage({ route }: { route: Extract<Route, { name: 'case' | 'new' }> }) {
  const phase = useCaseDetail((s) => s.phase);
  const loadError = useCaseDetail((s) => s.loadError);
  const base = useCaseDetail((s) => s.base);
  const draft = useCaseDetail((s) => s.draft);
  const conflict = useCaseDetail((s) => s.conflict);
  const changedElsewhere = useCaseDetail((s) => s.changedElsewhere);
  const isNew = route.name === 'new';
  const routeId = route.name === 'case' ? route.id : null;
  const pending = changeCount(changesOf(base, draft));

  // a closed case must not react to events or keep its draft for the next one
  useEffect(() => () => useCaseDetail.getState().close(), []);

  useEffect(() => {
    const s = useCaseDetail.getState();
    if (routeId === null) s.startNew();
    // after "Create", the store already holds the new case: no reload, no flash
    else if (s.id !== routeId || s.phase !== 'ready') void s.open(routeId);
  }, [routeId]);

  const { leave, save } = useCaseActions(isNew, pending);
  useCaseKeys(save, leave);
  useUnloadWarning(pending);

  if (!isNew && phase === 'error') return <CaseLoadError message={loadError} routeId={routeId} />;
  if (!isNew && (!base || phase !== 'ready' || base.id !== routeId)) {
    return (
      <main className="case-page">
        <p className="muted" aria-busy="true">
          Loading case…
        </p>
      </main>
    );
  }

  return (
    <main className="case-page" data-testid="case-page">
      <CaseHeader isNew={isNew} pending={pending} onLeave={() => void leave()} onSave={() => void save()} />
      {base && <StatusPanel rec={base} />}
      {changedElsewhere && !conflict && (
        <p className="callout callout-warn" role="status" data-testid="changed-elsewhere">
          This case was changed in another window while you were editing. Save to compare your edit with the current
          data.
        </p>
      )}
      {conflict && <ConflictBanner conflict={conflict} />}
      {isNew || !base ? (
        <div className="tab-panel">
          <DetailsForm />
        </div>
      ) : (
        <CaseTabs key={base.id} />
      )}
    </main>
  );
}

function CaseTabs() {
  const tabs = useCaseTabs();
  const rec = useCaseDetail((s) => s.base);
  const [active, setActive] = useState(tabs[0]?.id ?? 'details');
  if (!rec) return null;
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  if (!current) return null;
  const Active = current.component;
  return (
    <>
      <div className="tabs" role="tablist" aria-label="Case sections">
        {tabs.map((t) => {
          const badge = t.badge?.(rec) ?? null;
          return (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={t.id === current.id}
              tabIndex={t.id === current.id ? 0 : -1}
              aria-controls={`panel-${t.id}`}
              className={`tab${t.id === current.id ? ' active' : ''}`}
              onClick={() => setActive(t.id)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const i = tabs.findIndex((x) => x.id === current.id);
                const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
                if (next) {
                  setActive(next.id);
                  document.getElementById(`tab-${next.id}`)?.focus();
                }
              }}
            >
              {t.label}
              {badge !== null && badge !== '' && <span className="tab-badge">{badge}</span>}
            </button>
          );
        })}
      </div>
      <div className="tab-panel" role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
        <Active caseRecord={rec} />
      </div>
    </>
  );
}

/** Leaving (asks first when edits would be lost) and saving (creates a new case first time). */
function useCaseActions(isNew: boolean, pending: number) {
  const go = useRoute((s) => s.go);
  const leave = async () => {
    if (
      pending > 0 &&
      !(
        await confirmAction({
          title: 'Leave without saving?',
          body: `You have ${pending} unsaved change${pending === 1 ? '' : 's'} on this case. Leaving discards ${pending === 1 ? 'it' : 'them'}.`,
          confirmLabel: 'Discard and leave',
          danger: true,
        })
      ).ok
    )
      return;
    go({ name: 'queue' });
  };

  const save = async () => {
    const s = useCaseDetail.getState();
    if (isNew) {
      if (!s.draft.fields.entity_name.trim()) {
        toast.info('Enter the entity name first: it is how the case appears in the queue.');
        return;
      }
      const id = await s.create();
      if (id !== null) go({ name: 'case', id }, { replace: true });
    } else {
      await s.save();
    }
  };

  return { leave, save };
}

/** Ctrl/⌘+S saves; Escape or Backspace (outside a field) goes back to the queue. */
function useCaseKeys(save: () => Promise<void>, leave: () => Promise<void>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault(); // never the browser's "save page"
        if (!modalOpen()) void save();
        return;
      }
      if (e.defaultPrevented || modalOpen() || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') {
        if (isTypingTarget(e.target)) {
          (e.target as HTMLElement).blur(); // first Escape leaves the field, the next one the case
          return;
        }
        e.preventDefault();
        void leave();
      } else if (e.key === 'Backspace' && !isTypingTarget(e.target)) {
        e.preventDefault();
        void leave();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}

/** The browser warns before a reload or close would drop unsaved edits. */
function useUnloadWarning(pending: number) {
  useEffect(() => {
    if (pending === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending]);
}

function CaseLoadError({ message, routeId }: { message: string | null; routeId: number | null }) {
  const go = useRoute((s) => s.go);
  return (
    <main className="case-page">
      <div className="callout callout-danger" role="alert">
        <p>{message}</p>
        <button type="button" className="btn" onClick={() => go({ name: 'queue' })}>
          Back to the queue
        </button>{' '}
        {routeId !== null && (
          <button type="button" className="btn" onClick={() => void useCaseDetail.getState().open(routeId)}>
            Try again
          </button>
        )}
      </div>
    </main>
  );
}

/** Back button, title and the save bar. */
function CaseHeader({
  isNew,
  pending,
  onLeave,
  onSave,
}: {
  isNew: boolean;
  pending: number;
  onLeave: () => void;
  onSave: () => void;
}) {
  const base = useCaseDetail((s) => s.base);
  const draft = useCaseDetail((s) => s.draft);
  const saving = useCaseDetail((s) => s.saving);
  return (
    <div className="case-header">
      <button type="button" className="btn btn-ghost back" onClick={onLeave} title="Back to the queue (Esc)">
        ← Queue
      </button>
      <div className="case-title">
        <h1>{isNew ? 'New case' : <>{base!.entity_name || <em className="muted">(no name yet)</em>}</>}</h1>
        {base && (
          <div className="case-meta muted">
            Case #{base.id} · opened {ageLabel(base.created_at)} ago · updated {dateTimeLabel(base.updated_at)} ·
            version {base.version}
          </div>
        )}
      </div>
      <div className="save-bar">
        {pending > 0 && (
          <span className="unsaved" data-testid="unsaved">
            {pending} unsaved change{pending === 1 ? '' : 's'}
          </span>
        )}
        {!isNew && pending > 0 && (
          <button
            type="button"
            className="btn btn-quiet"
            disabled={saving}
            onClick={() => useCaseDetail.getState().open(base!.id)}
          >
            Discard
          </button>
        )}
        <button
          type="button"
          className="btn btn-primary"
          disabled={saving || (isNew ? !draft.fields.entity_name.trim() : pending === 0)}
          title={isNew && !draft.fields.entity_name.trim() ? 'Enter the entity name first' : 'Ctrl+S / ⌘S'}
          onClick={onSave}
        >
          {saving ? 'Saving…' : isNew ? 'Create case' : 'Save'}
        </button>
      </div>
    </div>
  );
}
