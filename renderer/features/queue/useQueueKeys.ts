import { useEffect, type RefObject } from 'react';
import { hasModifier, isTypingTarget, modalOpen } from '../../lib/keys.js';
import { rowAt, useQueue } from '../../state/queue.js';
import { ROW_HEIGHT } from './QueueList.js';
import { useTriage } from './triage.js';

/** The queue's keys: / search, n new, j/k or arrows move, PageUp/Down, Home/End, Enter opens, x ticks. */
export function useQueueKeys(
  refs: { search: RefObject<HTMLInputElement | null>; grid: RefObject<HTMLDivElement | null> },
  actions: { open(id: number): void; newCase(): void },
): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen() || hasModifier(e) || isTypingTarget(e.target)) return;
      const s = useQueue.getState();
      const grid = refs.grid.current;
      const onList = e.target === document.body || (e.target instanceof Node && !!grid?.contains(e.target));
      const pageRows = Math.max(1, Math.floor((grid?.clientHeight ?? 400) / ROW_HEIGHT) - 2);
      const move = (to: number) => {
        e.preventDefault();
        s.select(to);
      };
      switch (e.key) {
        case '/':
          e.preventDefault();
          refs.search.current?.focus();
          refs.search.current?.select();
          return;
        case 'n':
          e.preventDefault();
          actions.newCase();
          return;
        case 'j':
        case 'k':
          move(s.selectedIndex + (e.key === 'j' ? 1 : -1));
          grid?.focus({ preventScroll: true });
          return;
        case 'ArrowDown':
        case 'ArrowUp':
          if (!onList) return;
          move(s.selectedIndex + (e.key === 'ArrowDown' ? 1 : -1));
          grid?.focus({ preventScroll: true });
          return;
        case 'PageDown':
        case 'PageUp':
          if (onList) move(s.selectedIndex + (e.key === 'PageDown' ? pageRows : -pageRows));
          return;
        case 'Home':
        case 'End':
          if (onList) move(e.key === 'Home' ? 0 : (s.total ?? 1) - 1);
          return;
        case 'x': {
          const row = onList ? rowAt(s, s.selectedIndex) : undefined;
          if (row) {
            e.preventDefault();
            useTriage.getState().toggle(row.id);
          }
          return;
        }
        case 'Enter': {
          const row = onList ? rowAt(s, s.selectedIndex) : undefined;
          if (row) {
            e.preventDefault();
            actions.open(row.id);
          }
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
