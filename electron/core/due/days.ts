/** Calendar arithmetic on YYYY-MM-DD days (the user's local days, see review/review.ts localDay). */

const DAY_MS = 86_400_000;

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function isDay(text: string): boolean {
  // Date.parse rolls 2026-02-30 over to March: a real day reads back as itself
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(dayMs(text)) && addDays(text, 0) === text;
}

export function addDays(day: string, n: number): string {
  return new Date(dayMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/**
 * Business days (Monday–Friday) after `from` up to and including `to`: a Friday to the next
 * Monday is 1. Public holidays are not known and count as business days.
 */
export function businessDaysFrom(from: string, to: string): number {
  const total = daysFrom(from, to);
  if (total <= 0) return 0;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * 5;
  const start = new Date(dayMs(from)).getUTCDay();
  for (let i = 1; i <= total % 7; i++) {
    const weekday = (start + fullWeeks * 7 + i) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}
