import { useSyncExternalStore } from 'react';

/**
 * An ordered set of extension points (case tabs, header indicators) that features fill from their
 * own modules. Registering the same id again replaces it; components re-render on change.
 */
export function orderedRegistry<T extends { id: string; order: number }>() {
  const items: T[] = [];
  const subscribers = new Set<() => void>();
  let snapshot: readonly T[] = [];
  const subscribe = (cb: () => void) => {
    subscribers.add(cb);
    return () => void subscribers.delete(cb);
  };
  return {
    register(item: T): void {
      const i = items.findIndex((x) => x.id === item.id);
      if (i >= 0) items.splice(i, 1, item);
      else items.push(item);
      snapshot = [...items].sort((a, b) => a.order - b.order);
      for (const s of subscribers) s();
    },
    use(): readonly T[] {
      return useSyncExternalStore(subscribe, () => snapshot);
    },
  };
}
