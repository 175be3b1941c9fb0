/**
 * Rejection codes read out of a rejection pasted from an e-mail or a support ticket ("Your port
 * request was rejected: Address mismatch. The PIN provided for the wireless number is incorrect."),
 * through THE rejection table: every code, title and other name it lists is a phrase to look for.
 * New wordings are added to resources/rejections.json as aliases, never here.
 */
import type { ParsedRejectionCode } from '../../../shared/contract/channel.js';
import { explainCode, rejectionCodes } from '../compare/rejections.js';

interface Phrase {
  code: string;
  pattern: RegExp;
}

/** Codes too generic to find in prose ("other" is an ordinary word). */
const NOT_IN_PROSE = new Set(['OTHER']);

/** "Name or Signature mismatch" → words NAME, OR, SIGNATURE, MISMATCH, matched across any punctuation. */
function phrasePattern(phrase: string): RegExp | null {
  const words = phrase
    .replace(/\(.*?\)/g, ' ')
    .replace(/['’]/g, ' ')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (words.length === 0 || words.join('').length < 3) return null;
  return new RegExp(`(?<![A-Z0-9])${words.join('[^A-Z0-9]+')}(?![A-Z0-9])`, 'g');
}

let phrases: Phrase[] | null = null;
function tablePhrases(): Phrase[] {
  phrases ??= rejectionCodes()
    .filter((e) => !NOT_IN_PROSE.has(e.code))
    .flatMap((e) =>
      [e.code, e.title, ...e.aliases].flatMap((p) => {
        const pattern = phrasePattern(p);
        return pattern ? [{ code: e.code, pattern }] : [];
      }),
    );
  return phrases;
}

interface Hit {
  code: string;
  start: number;
  end: number;
}

/** A code-shaped token the table does not know ("NPAC_TIMEOUT"): kept and shown with the carrier's words. */
const CODE_SHAPE = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+(?![A-Za-z0-9_])/g;

export function parseRejectionText(text: string): ParsedRejectionCode[] {
  // same length as the text (apostrophes become spaces), so a hit's offsets point into the original
  const upper = text
    .replace(/[’']/g, ' ')
    .replace(/[^\x00-\x7f]/g, ' ')
    .toUpperCase();
  const hits: Hit[] = [];
  for (const p of tablePhrases()) {
    p.pattern.lastIndex = 0;
    for (const m of upper.matchAll(p.pattern)) hits.push({ code: p.code, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(CODE_SHAPE)) hits.push({ code: m[0], start: m.index, end: m.index + m[0].length });
  // the longest wording wins where two overlap: "authorized name mismatch" is not also a "name mismatch"
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of hits) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  kept.sort((a, b) => a.start - b.start);
  const out = new Map<string, ParsedRejectionCode>();
  for (const h of kept) {
    const e = explainCode(h.code, lineAround(text, h.start));
    if (out.has(e.code)) continue;
    out.set(e.code, {
      code: e.code,
      known: e.known,
      title: e.title,
      field: e.field,
      meaning: e.meaning,
      action: e.action,
      matched: text.slice(h.start, h.end),
    });
  }
  return [...out.values()];
}

function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return text
    .slice(start, end === -1 ? undefined : end)
    .trim()
    .slice(0, 300);
}
