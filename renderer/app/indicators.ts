import { useSyncExternalStore, type ComponentType } from 'react';

/**
 * Small status indicators in the header ("Simulator" vs "Telnyx API", OCR queue…). A feature
 * registers one from its own module, imported once in features/index.ts.
 */
export interface HeaderIndicator {
  id: string;
  /** lower comes first */
  order: number;
  component: ComponentType;
}

const indicators: HeaderIndicator[] = [];
const subscribers = new Set<() => void>();
let snapshot: readonly HeaderIndicator[] = [];

export function registerHeaderIndicator(indicator: HeaderIndicator): void {
  const i = indicators.findIndex((x) => x.id === indicator.id);
  if (i >= 0) indicators.splice(i, 1, indicator);
  else indicators.push(indicator);
  snapshot = [...indicators].sort((a, b) => a.order - b.order);
  for (const s of subscribers) s();
}

export function useHeaderIndicators(): readonly HeaderIndicator[] {
  return useSyncExternalStore((cb) => {
    subscribers.add(cb);
    return () => subscribers.delete(cb);
  }, () => snapshot);
}
