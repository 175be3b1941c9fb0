import { useEffect } from 'react';
import { onEvent } from '../../ipc/index.js';
import { useApp } from '../../state/app.js';
import { useRoute } from '../../state/route.js';
import { notifyNewDueItems } from './notifications.js';
import { scheduleDueRefresh, useDue } from './state.js';

/** Every few minutes: time alone makes things due (an FOC becomes tomorrow's, an order stalls). */
const RELOAD_MS = 5 * 60_000;

/** Header link to the Due view with the count; keeps the list current and raises browser notifications. */
export function DueIndicator() {
  const list = useDue((s) => s.list);
  const error = useDue((s) => s.error);
  const host = useApp((s) => s.info?.host);
  const go = useRoute((s) => s.go);

  useEffect(() => {
    void useDue.getState().load();
    const t = setInterval(() => void useDue.getState().load(), RELOAD_MS);
    const off = onEvent('cases.changed', () => scheduleDueRefresh());
    return () => {
      clearInterval(t);
      off();
    };
  }, []);

  useEffect(() => {
    if (list && host) void notifyNewDueItems(list, host);
  }, [list, host]);

  const count = list?.items.length ?? 0;
  const overdue = list?.items.filter((i) => i.urgency !== 'soon').length ?? 0;
  return (
    <a
      href="#/due"
      className={`indicator due-indicator${overdue ? ' due-urgent' : ''}`}
      data-testid="due-link"
      title={error ?? `${count} item(s) due, ${overdue} today or overdue (d)`}
      onClick={(e) => {
        e.preventDefault();
        go({ name: 'due' });
      }}
    >
      Due{' '}
      <span className="due-count" data-testid="due-count">
        {list ? count : '…'}
      </span>
    </a>
  );
}
