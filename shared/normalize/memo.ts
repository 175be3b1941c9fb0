/**
 * A pure function remembered by a text key, its table cleared once it holds `max` entries: the texts a
 * review reads (labels, headings, names, numbers) recur on every document, and an unbounded table would
 * grow with every document the app ever read. One place for the pattern the extractor and the review
 * had written five times.
 */
export interface Remembered<A extends unknown[], V> {
  (...args: A): V;
  /** Forget every result (benchmarks measuring the cold path). */
  clear(): void;
}

export function remembered<A extends unknown[], V>(
  fn: (...args: A) => V,
  max: number,
  key: (...args: A) => string = (...args) => String(args[0]),
): Remembered<A, V> {
  const known = new Map<string, V>();
  const call = (...args: A): V => {
    const k = key(...args);
    if (known.has(k)) return known.get(k) as V;
    const v = fn(...args);
    if (known.size >= max) known.clear();
    known.set(k, v);
    return v;
  };
  return Object.assign(call, { clear: () => known.clear() });
}
