import type { BBox, PageText, Word } from '../../../shared/domain/document.js';
import { printedWordLines, spanBox } from './lines.js';
import type { MovedWord, RecordRecast } from './records.js';
import { f, FIDS, type Fid, type Part } from './csr-fid-tags.js';
import { parseDate, parsePhone } from './values.js';

/**
 * A local exchange carrier's CSR printed in FIELD IDENTIFIERS (FIDs): short capital tags with their values
 * run together on a line and set apart by slashes ("SA 1420 N MAIN ST STE 4 /LCTY SPRINGFIELD /ST IL /ZIP
 * 62701", "1 1FB /TN 312 555-0101 /PIC 0288"), under section banners (ID, LIST, BILL, S&E, REMARKS). The
 * order systems' tags are an industry's shorthand, not captions: before the fields are read such a page is
 * written as the label-left record it is — one field a line, its tag as the caption it stands for ("BN1" →
 * "Billing Name:", "LTN" → "Listed Number:", "/TN" → "Telephone Number:"), an address's parts (the street
 * or house and street, the suite, the city, state and ZIP tags after it or on the line under it) as the
 * street line beside its caption and the city line under it, a name continued on BN2 as one name, a USOC
 * line's quantity and code dropped. The billing name is the account's name (what a carrier compares a port
 * request with); the listed name and address are the directory listing's. Words keep their printed boxes;
 * `movedBack` (records.ts) returns evidence read where a value was set to where it is printed.
 */

/** A mainframe's date: 04-02-23, 04/02/2023, 2023-04-02, 02APR23. */
const MAINFRAME_DATE = /^\d{2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d{2}$/i;

/** A piece of a printed word: a word, or a tag glued to its slash ("/TN"). */
interface Tok {
  text: string;
  bbox: BBox;
  conf: number;
  /** begins a slash-separated field */
  slash: boolean;
}

function tokens(line: Word[]): Tok[] {
  const out: Tok[] = [];
  let slash = false;
  for (const w of line) {
    if (/^\/+$/.test(w.text)) {
      slash = true;
      continue;
    }
    const lead = /^\/+/.exec(w.text)?.[0].length ?? 0;
    const text = w.text.slice(lead);
    const bbox = lead ? spanBox(w.bbox, lead, w.text.length, w.text.length) : w.bbox;
    out.push({ text, bbox, conf: w.conf, slash: slash || lead > 0 });
    slash = false;
  }
  return out;
}

/** A tag at toks[i] (two words first): its length in words, or 0. */
function fidAt(toks: Tok[], i: number): { fid: Fid; n: number } | null {
  const shaped = (fid: Fid, n: number) => {
    if (!fid.shape) return true;
    const v = toks[i + n];
    if (!v) return false;
    if (fid.shape === 'date') return !!parseDate(v.text) || MAINFRAME_DATE.test(v.text);
    if (fid.shape === 'time') return /^\d{1,2}:\d{2}(?::\d{2})?$/.test(v.text);
    if (fid.shape === 'count') return /^\d{1,3}$/.test(v.text);
    return !!parsePhone(
      toks
        .slice(i + n, i + n + 3)
        .map((t) => t.text)
        .join(' '),
    );
  };
  for (const n of [2, 1]) {
    if (i + n > toks.length) continue;
    const key = toks
      .slice(i, i + n)
      .map((t) => t.text)
      .join(' ');
    if (!/^[A-Z][A-Z0-9& ]*$/.test(key)) continue;
    const fid = FIDS.get(key);
    if (fid && shaped(fid, n)) return { fid, n };
  }
  return null;
}

/** One field of a line: its tag (null: words that are no field) and its value's words. */
interface Seg {
  fid: Fid | null;
  tag: Tok[];
  value: Tok[];
}

/** A USOC line's quantity and code before its fields ("1 1FB /TN …", "3 RJ11C"). */
const isUsocStart = (toks: Tok[]) =>
  toks.length >= 2 && /^\d{1,3}$/.test(toks[0]!.text) && /^[0-9A-Z]{2,6}$/.test(toks[1]!.text) && !toks[1]!.slash;

/** A line's fields: split at slashes, and before a shaped tag whose value follows (a header's "TIME 10:44"). */
function segments(toks: Tok[]): { segs: Seg[]; usoc: boolean } {
  const usoc = isUsocStart(toks);
  const rest = usoc ? toks.slice(2) : toks;
  const segs: Seg[] = [];
  let cur: Seg | null = null;
  for (let i = 0; i < rest.length; ) {
    const t = rest[i]!;
    const at: { fid: Fid; n: number } | null = t.slash || !cur || i === 0 ? fidAt(rest, i) : null;
    const shaped: { fid: Fid; n: number } | null = !at && cur ? fidAt(rest, i) : null;
    const opens: { fid: Fid; n: number } | null = (t.slash || !cur) && at ? at : shaped?.fid.shape ? shaped : null;
    if (opens) {
      cur = { fid: opens.fid, tag: rest.slice(i, i + opens.n), value: [] };
      segs.push(cur);
      i += opens.n;
      if (opens.fid.shape) {
        // a shaped value is one word (a phone's three): what follows it is no part of it
        const n = opens.fid.shape === 'phone' ? phoneWords(rest, i) : 1;
        cur.value.push(...rest.slice(i, i + n));
        i += n;
        cur = null;
      }
      continue;
    }
    if (t.slash && /^[A-Z][A-Z0-9]{1,5}$/.test(t.text) && i + 1 < rest.length) {
      // a tag this list lacks, opened by its slash: its own caption (a value apart from the one before)
      cur = { fid: f(t.text), tag: [t], value: [] };
      segs.push(cur);
      i++;
      continue;
    }
    if (t.slash || !cur) {
      cur = { fid: null, tag: [], value: [] };
      segs.push(cur);
    }
    cur.value.push(t);
    i++;
  }
  return { segs, usoc };
}

function phoneWords(toks: Tok[], i: number): number {
  for (const n of [3, 2, 1]) {
    const text = toks
      .slice(i, i + n)
      .map((t) => t.text)
      .join(' ');
    if (i + n <= toks.length && parsePhone(text)?.start === 0 && parsePhone(text)!.end >= text.length - 1) return n;
  }
  return 1;
}

const REMARKS = /^[^A-Z]*(?:REMARKS|RMKS|NOTES|COMMENTS)\b/;

/** A section's banner: a few words without a tag, set off by rules or brackets or naming a section. */
const isBanner = (toks: Tok[]) =>
  toks.length <= 5 &&
  toks.some((t) => /[A-Z]/.test(t.text)) &&
  (toks.some((t) => /^[-=*[\]]|[-=*[\]]$/.test(t.text) || t.text === 'SECTION') ||
    toks.some((t) => REMARKS.test(t.text)));

/** An output line of the record: a caption (or none) and the value's printed words. */
interface Row {
  caption: string;
  /** where the caption is drawn from (its tag's words; a caption of an address part: its first words) */
  from: Tok[];
  value: Tok[];
  /** a value's next line (a city line, a second address line): set under the value column */
  under?: boolean;
}

interface AddressRow {
  kind: 'service' | 'billing' | 'listed';
  street: Row;
  city: Row | null;
  parts: Partial<Record<Part, Tok[]>>;
}

/** Whether a document prints FID lines: fields opened by a slash and lines led by a tag, enough of both. */
function fidLines(pages: PageText[]): Tok[][][] | null {
  let slashed = 0;
  let led = 0;
  const perPage = pages.map((p) =>
    printedWordLines(p).map((line) => {
      const toks = tokens(line);
      const { segs } = segments(toks);
      slashed += segs.filter((s) => s.fid && s.tag[0]!.slash && !s.fid.shape).length;
      if (segs[0]?.fid && !segs[0].fid.shape && !segs[0].tag[0]!.slash) led++;
      return toks;
    }),
  );
  return slashed >= 4 && led >= 6 ? perPage : null;
}

/**
 * The pages with every page of a FID-printed CSR written as a label-left record; null when the document
 * prints no FID lines.
 */
export function recastFidRecords(pages: PageText[]): RecordRecast | null {
  // a tag glued to its slash ("/TN") or a slash alone begins a field: a page without either is none
  if (!pages.some((p) => p.words.filter((w) => /^\//.test(w.text)).length >= 2)) return null;
  const perPage = fidLines(pages);
  if (!perPage) return null;
  const moved: MovedWord[] = [];
  const out = pages.map((page, i) => ({ ...page, words: recastPage(page, perPage[i]!, moved) }));
  return { pages: out, moved };
}

function recastPage(page: PageText, lines: Tok[][], moved: MovedWord[]): Word[] {
  const rows: Row[] = [];
  let address: AddressRow | null = null;
  let name: Row | null = null;
  const closeAddress = () => {
    if (!address) return;
    const p = address.parts;
    const street = [...(p.house ?? []), ...(p.street ?? []), ...(p.unit ?? [])];
    address.street.value = street;
    const city = [...(p.city ?? []), ...(p.state ?? []), ...(p.zip ?? [])];
    if (address.city) address.city.value = city;
    address = null;
  };
  // a REMARKS section is free text: a tag at a line's start there is a word of a sentence ("TN … DISC …")
  let remarks = false;
  for (const toks of lines) {
    if (!toks.length) continue;
    const { segs, usoc } = segments(toks);
    // a service item's number is a line of the account, whatever tag the system gives it ("/NDT …")
    if (usoc)
      for (const sg of segs)
        if (
          sg.fid &&
          !FIDS.has(sg.tag.map((t) => t.text).join(' ')) &&
          parsePhone(sg.value.map((t) => t.text).join(' '))
        )
          sg.fid = f('Telephone Number');
    if (!segs[0]?.fid && isBanner(toks)) remarks = toks.some((t) => REMARKS.test(t.text));
    else if (remarks && segs[0] && !toks[0]!.slash && segs[0].fid?.caption !== 'Remarks') {
      const first = segs[0];
      segs[0] = { fid: f('Remarks'), tag: [], value: [...first.tag, ...first.value] };
    }
    const continuesLine = toks[0]!.slash;
    if (!continuesLine && !(segs[0]?.fid?.part && address)) {
      if (!segs[0]?.fid?.continues) closeAddress();
    }
    for (const s of segs) {
      const fid = s.fid;
      if (!fid) {
        if (s.value.length) rows.push({ caption: '', from: s.value, value: s.value });
        continue;
      }
      if (fid.continues === 'name' && name) {
        // a second name line: "ATTN …" / "C/O …" names whom bills reach; anything else goes on the name
        if (/^(?:ATTN\b|C\/O\b|CARE OF\b)/i.test(s.value.map((t) => t.text).join(' ')))
          rows.push({ caption: 'Attention', from: s.tag, value: s.value });
        else name.value.push(...s.value);
        continue;
      }
      if (fid.continues === 'address') {
        rows.push({ caption: '', from: s.tag, value: s.value, under: true });
        closeAddress();
        continue;
      }
      if (fid.address) {
        closeAddress();
        const street: Row = { caption: fid.caption, from: s.tag, value: [] };
        const city: Row = { caption: '', from: s.tag, value: [], under: true };
        rows.push(street, city);
        address = { kind: fid.address, street, city, parts: { [fid.part!]: s.value } };
        continue;
      }
      if (fid.part) {
        if (address) {
          const a: AddressRow = address;
          a.parts[fid.part] = [...(a.parts[fid.part] ?? []), ...s.value];
        } else rows.push({ caption: fid.part, from: s.tag, value: s.value });
        continue;
      }
      const row: Row = { caption: fid.caption, from: s.tag, value: s.value };
      rows.push(row);
      if (fid.caption === 'Billing Name') name = row;
    }
  }
  closeAddress();
  return layRows(
    page,
    rows.filter((r) => r.value.length),
    moved,
  );
}

/** The rows one under another at the page's own line pitch (closer when they would run off the page). */
function layRows(page: PageText, rows: Row[], moved: MovedWord[]): Word[] {
  const all = rows.flatMap((r) => r.value);
  if (!all.length) return page.words;
  const heights = all.map((t) => t.bbox[3] - t.bbox[1]).sort((a, b) => a - b);
  const h = heights[Math.floor(heights.length / 2)]!;
  const charW = all.map((t) => (t.bbox[2] - t.bbox[0]) / Math.max(1, t.text.length)).sort((a, b) => a - b)[
    Math.floor(all.length / 2)
  ]!;
  const top = Math.min(...page.words.map((w) => w.bbox[1]));
  const left = Math.min(...rows.map((r) => (r.from[0] ?? r.value[0])!.bbox[0]));
  const pitch = Math.max(h * 1.05, Math.min(h * 1.5, (page.height - top - h) / Math.max(1, rows.length)));
  const words: Word[] = [];
  // each value just after its caption; a value's next line under it
  let valueX = left;
  rows.forEach((r, k) => {
    const y0 = top + k * pitch;
    if (r.caption) {
      let x = left;
      for (const part of `${r.caption}:`.split(' ')) {
        words.push({ text: part, bbox: [x, y0, x + part.length * charW, y0 + h], conf: 1 });
        x += (part.length + 1) * charW;
      }
      valueX = x + charW;
    }
    let right = r.caption || r.under ? valueX : left;
    for (const t of r.value) {
      const w = t.bbox[2] - t.bbox[0];
      const at: BBox = [right, y0, right + w, y0 + h];
      moved.push({ page: page.page, at, printed: t.bbox });
      words.push({ text: t.text, bbox: at, conf: t.conf });
      right += w + charW;
    }
  });
  return words;
}
