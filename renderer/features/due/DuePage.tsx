import { useEffect } from 'react';
import { DUE_KIND_LABEL, type DueItem } from '../../../shared/contract/due.js';
import { routeHash, useRoute } from '../../state/route.js';
import { useDue } from './state.js';

const URGENCY_LABEL: Record<DueItem['urgency'], string> = { overdue: 'Overdue', today: 'Today', soon: 'Soon' };

/** Everything due, most urgent first; a row opens its case. Esc goes back to the queue. */
export function DuePage() {
  const list = useDue((s) => s.list);
  const error = useDue((s) => s.error);
  const go = useRoute((s) => s.go);

  useEffect(() => {
    void useDue.getState().load();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]')) go({ name: 'queue' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <main className="due-page" data-testid="due-page">
      <div className="toolbar">
        <h1 className="page-title">Due</h1>
        {list && (
          <span className="muted">
            {list.items.length} item(s) as of {list.as_of}
          </span>
        )}
        <div className="toolbar-spacer" />
        <a className="btn" href={routeHash({ name: 'settings', section: 'due' })}>
          Thresholds…
        </a>
      </div>
      {error && (
        <p className="text-danger" role="alert">
          {error}
        </p>
      )}
      {list && list.items.length === 0 && (
        <p className="due-empty">Nothing is due: no FOC soon, no document near its age limit, no stalled order.</p>
      )}
      {list && list.items.length > 0 && (
        <ul className="due-list">
          {list.items.map((item) => (
            <li key={item.key}>
              <button
                type="button"
                className={`due-item due-${item.urgency}`}
                data-testid="due-item"
                data-kind={item.kind}
                onClick={() => go({ name: 'case', id: item.case_id })}
              >
                <span className={`chip due-chip-${item.urgency}`}>{URGENCY_LABEL[item.urgency]}</span>
                <span className="due-kind">{DUE_KIND_LABEL[item.kind]}</span>
                <span className="due-case">
                  {item.entity_name || 'Unnamed case'} <span className="muted">#{item.case_id}</span>
                </span>
                <span className="due-title">{item.title}</span>
                <span className="due-detail">{item.detail}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
