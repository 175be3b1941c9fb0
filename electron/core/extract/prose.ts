import type { ServiceAddress } from '../../../shared/domain/document.js';
import { readAddress, type AddrResult } from './address.js';
import { conceptInSentence } from './address-blocks.js';
import { type AddrCand, type Cand, zipCheckOf } from './candidate.js';
import { isCarrierName, knownCarrierIn } from './carriers.js';
import { CARRIER_WORDS, LEGAL_FORM_END, LEGAL_FORM_WORD, looksLikeLabelText } from './labels.js';
import type { DocLayout, Hit, Seg, Line, Tok } from './layout.js';
import { hitAt, startsWithLabelShape } from './spans.js';
import { labelKey } from './text.js';
import { parseAccount, parseBusiness, parsePerson, tokText, toksIn } from './values.js';

/**
 * Values written inside running text: a letter of authorization written as a letter, a notes
 * paragraph. Sentences are read across line wraps (paragraphs), and a value is found by the shape of
 * the sentence around it (a person after "I,", a business by its legal form, a number after
 * "account", an address after "service at"); found without a label, each is less sure than a
 * labelled value.
 */
interface Paragraph {
  tt: ReturnType<typeof tokText>;
  page: number /** has a line of running text (6+ words) */;
  running: boolean;
}

/** Lines of running text joined into paragraphs, so sentence patterns survive line wraps. */
const paragraphCache = new WeakMap<DocLayout, Paragraph[]>();

/**
 * Running text joined into paragraphs, so sentence patterns survive line wraps: segments on
 * consecutive lines that start at the same x (another column beside them does not interrupt).
 */
export function paragraphs(doc: DocLayout): Paragraph[] {
  const cached = paragraphCache.get(doc);
  if (cached) return cached;
  const open: { segs: Seg[]; line: Line; bottom: number }[] = [];
  const done: { segs: Seg[] }[] = [];
  const top = (sg: Seg) => Math.min(...sg.toks.map((t) => t.y0));
  const bottom = (sg: Seg) => Math.max(...sg.toks.map((t) => t.y1));
  for (const line of doc.lines) {
    for (const seg of line.segs) {
      // the next line of a paragraph: same left edge, a line gap at most, text of about the same size
      const k = open.findIndex(
        (o) =>
          o.line.page === line.page &&
          o.line.id < line.id &&
          Math.abs(o.segs[0]!.x0 - seg.x0) <= 4 &&
          top(seg) - o.bottom < 0.9 * o.line.h &&
          Math.max(o.line.h, line.h) < 1.5 * Math.min(o.line.h, line.h),
      );
      if (k >= 0) {
        open[k]!.segs.push(seg);
        open[k]!.line = line;
        open[k]!.bottom = bottom(seg);
      } else open.push({ segs: [seg], line, bottom: bottom(seg) });
    }
    // paragraphs whose last line is well above this one are finished
    for (let k = open.length - 1; k >= 0; k--) {
      const o = open[k]!;
      if (o.line.page !== line.page || line.top - o.bottom > 2 * Math.max(o.line.h, line.h))
        done.push(...open.splice(k, 1));
    }
  }
  done.push(...open);
  const out = done.map((d) => ({
    tt: tokText(
      d.segs.flatMap((sg) => sg.toks),
      false,
    ),
    page: d.segs[0]!.page,
    running: d.segs.some((sg) => sg.toks.length >= 6),
  }));
  paragraphCache.set(doc, out);
  return out;
}

/** The words after a label inside its paragraph, across line wraps, up to the next label or sentence end. */
export function proseAfter(doc: DocLayout, hit: Hit, limit = 12): Tok[] {
  const p = paragraphs(doc).find((x) => x.tt.spans.some((sp) => sp.tok === hit.seg.toks[hit.start]));
  // running text only: a stack of short label rows is not a paragraph
  if (!p || !p.running) return [];
  const toks = p.tt.spans.map((sp) => sp.tok);
  const from = toks.indexOf(hit.seg.toks[hit.end - 1]!) + 1;
  const out: Tok[] = [];
  for (let i = from; i < toks.length && out.length < limit; i++) {
    const t = toks[i]!;
    if (hitAt(doc, t)) break;
    // a new line that opens with "Something:" is the next row, not the sentence going on
    if (
      out.length &&
      t.line !== out[out.length - 1]!.line &&
      startsWithLabelShape(doc.lines[t.line]!.toks.filter((x) => x.x0 >= t.x0 - 1))
    )
      break;
    // so is a line that opens with a short cell beside another (a record's next tag: "LSTD  WNI SERVICES")
    const tLine = doc.lines[t.line]!;
    if (
      out.length &&
      t.line !== out[out.length - 1]!.line &&
      tLine.segs.length > 1 &&
      tLine.segs[0]!.id === t.seg &&
      doc.segs[t.seg]!.toks.length <= 3
    )
      break;
    out.push(t);
    if (/[.;]$/.test(t.text) && !/^\d/.test(toks[i + 1]?.text ?? '')) break;
  }
  return out;
}

export function proseMatches(doc: DocLayout, re: RegExp, group = 1): { value: string; toks: Tok[] }[] {
  const out: { value: string; toks: Tok[] }[] = [];
  for (const p of paragraphs(doc)) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (let m = g.exec(p.tt.text); m; m = g.exec(p.tt.text)) {
      const v = m[group];
      if (!v) continue;
      const start = m.index + m[0].indexOf(v);
      out.push({ value: v, toks: toksIn(p.tt, start, start + v.length) });
    }
  }
  return out;
}

const COMPANY_SUFFIX = LEGAL_FORM_WORD;

/** A run of capitalised words (with "&", "of", "and", "the" between) inside running text: a business name ends it at its legal form. */
const PROSE_CAPS_RUN = /\b[A-Z][\w&'.-]*(?:,?\s+(?:[A-Z0-9][\w&'.-]*|&|of|and|the)){1,8}/;

/** The run cut after its last legal-form word ("Harbor Light Dental LLC"), or null without one. */
export function businessInRun(run: string): { text: string; words: number } | null {
  const words = run.replace(/^(?:The|This|Our|We|Dear|Please|I),?\s+/, '').split(/\s+/);
  const lead = run.split(/\s+/).length - words.length;
  for (let k = words.length - 1; k >= 1; k--) {
    if (!LEGAL_FORM_WORD.test(words[k]!.replace(/[,;:)]+$/, ''))) continue;
    return {
      text: words
        .slice(0, k + 1)
        .join(' ')
        .replace(/[,;:)]+$/, ''),
      words: lead + k + 1,
    };
  }
  return null;
}

/** The business name at the start of a clause: up to the verb, the sentence end or a comma not before a suffix. */
export function cutBusiness(s: string): string | null {
  const words = s.split(/\s+/);
  const out: string[] = [];
  for (const [wi, w] of words.entries()) {
    if (
      out.length &&
      /^(and|to|hereby|authori[sz]es?|with|for|who|that|am|is|as|confirm|certify|do)$/i.test(w) &&
      !/&$/.test(out[out.length - 1]!)
    )
      break;
    if (!out.length && !/^[A-Z0-9]/.test(w)) return null;
    if (out.length && /^[a-z]/.test(w) && !/^(of|and|the|de|la)$/.test(w)) break;
    let word = w;
    let stop = false;
    const core = w.replace(/[.,;:]+$/, '');
    if (/[,;:]$/.test(w) && !COMPANY_SUFFIX.test(words[wi + 1]?.replace(/[.,;:]+$/, '') ?? '')) {
      word = w.replace(/[,;:]+$/, '');
      stop = true;
    } else if (/\.$/.test(w) && !COMPANY_SUFFIX.test(core) && !/^[A-Z]$/.test(core) && !/\.[A-Za-z]\.$/.test(w)) {
      word = core;
      stop = true;
    } else if (/\.$/.test(w) && COMPANY_SUFFIX.test(core)) {
      out.push(w);
      break;
    }
    out.push(word);
    if (stop || out.length >= 8) break;
  }
  const v = out.join(' ').replace(/,$/, '').trim();
  return v || null;
}

/**
 * A letter names the account in a sentence: "…of ACME LLC, account 8831-22904, at…" (the word
 * "account" before a number with digits; a labelled value always beats it).
 */
export function proseAccountCands(doc: DocLayout): Cand<string>[] {
  const out: Cand<string>[] = [];
  const pins = new Set(prosePins(doc).map((m) => m.value));
  for (const m of proseMatches(
    doc,
    /\b(?:account|acct\.?)(?:\s+(?:number|no\.?|nbr|num|id))?\s*(?:#|:|is)?\s*([A-Z0-9][A-Z0-9-]{2,24})(?![A-Za-z0-9])/i,
  )) {
    // the number a PIN sentence gives ("the security PIN for the account is 3390") is not the account's
    if (pins.has(m.value)) continue;
    const a = /\d/.test(m.value) && !/^\d{1,2}$/.test(m.value) ? parseAccount(m.value) : null;
    if (a) out.push({ value: a.value, toks: m.toks, score: 0.5 * a.quality, hit: null, prose: true });
  }
  return out;
}

/** The losing carrier named in a letter's sentences ("…from Comcast Business…"), never the gaining one. */
export function proseCarrierCands(doc: DocLayout, gaining: string[]): Cand<string>[] {
  const cands: Cand<string>[] = [];
  const gain = gaining.map((g) => labelKey(g)).filter(Boolean);
  const re =
    /\b(?:from|with|current (?:carrier|provider|service provider),?|away from)\s+([A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|&|of|for))*)/g;
  for (const m of proseMatches(doc, re)) {
    const v = m.value.replace(/\s+(and|to|the|of|for)$/i, '').trim();
    if (gain.some((g) => labelKey(v).includes(g) || g.includes(labelKey(v)))) continue;
    const known = knownCarrierIn(v);
    if (known || CARRIER_WORDS.test(v)) cands.push({ value: v, toks: m.toks, score: known ? 0.6 : 0.45 });
  }
  return cands;
}

/**
 * A letter gives the PIN in a sentence: "The port-out PIN on the account is 4471.", "Our account
 * passcode is 908172." — a PIN word, a few words without digits, then "is"/":" and the number.
 */
const PROSE_PIN =
  /\b(?:pin|passcode|pass code|password|security code|access code|verification code|validation code|port[- ]out code|transfer code)\b(?:[^.\d]{0,40}?(?:\bis|:|\bof))?\s+#?(\d{4,10})(?![\d-])/i;

export function prosePins(doc: DocLayout): { value: string; toks: Tok[] }[] {
  return doc.kind === 'loa' || doc.kind === 'other' ? proseMatches(doc, PROSE_PIN) : [];
}

export interface NameCands {
  names: Cand<string>[];
  persons: Cand<string>[];
}

/** A letter names the person and the business in its sentences. */
export function proseNames(doc: DocLayout, { names: nameCands, persons: personCands }: NameCands): void {
  {
    for (const m of proseMatches(
      doc,
      /\bI,\s+([A-Z][A-Za-z.'-]+(?:\s+(?:[A-Z][A-Za-z.'-]*|de|la|le|du|van|der|den|von|da|del|di|dos|bin|al)){1,5}),/,
    )) {
      const p = parsePerson(m.value);
      if (p) personCands.push({ value: p.value, toks: m.toks, score: 0.85 * p.quality, prose: true });
    }
    // "My name is NAME and…", "…the account holder authorizing this request is NAME.", "Signed, NAME"
    for (const re of PROSE_PERSON) {
      for (const m of proseMatches(doc, re)) {
        const p = parsePerson(m.value.replace(/[.,]$/, ''));
        if (p) personCands.push({ value: p.value, toks: m.toks, score: 0.7 * p.quality, prose: true });
      }
    }
    // "I, NAME, TITLE of BUSINESS, authorize…", "… on behalf of BUSINESS and …"
    for (const re of [
      /\bI,\s+[^,]{3,40},\s+[^,]{2,40}?\s+of\s+([A-Z0-9].{1,90})/,
      /\bon behalf of\s+([A-Z0-9].{1,90})/,
    ]) {
      for (const m of proseMatches(doc, re)) {
        const cut = cutBusiness(m.value);
        const v = cut ? parseBusiness(cut) : null;
        if (v)
          nameCands.push({
            value: v.value,
            toks: m.toks.slice(0, Math.max(1, cut!.split(/\s+/).length)),
            score: 0.62 * v.quality,
            prose: true,
          });
      }
    }
  }

  {
    // a business named anywhere in the letter's sentences by its legal form ("…the numbers of Harbor
    // Light Dental LLC, account…", "…held by Blue Heron Design PLLC under…"); never the gaining carrier
    // the business a letter authorizes is the gaining carrier ("…authorizes PortDesk Voice LLC to…")
    // (compared without legal forms: "authorize Clearline Communications, Inc. to act" names "Clearline Communications")
    const bare = (v: string) => labelKey(v.replace(new RegExp(`[,\\s]+(${LEGAL_FORM_END.source})`, 'i'), ''));
    const gaining = new Set(proseMatches(doc, PROSE_GAINING).map((m) => bare(m.value)));
    for (const m of proseMatches(doc, PROSE_CAPS_RUN, 0)) {
      const b = businessInRun(m.value);
      const v = b ? parseBusiness(b.text) : null;
      if (v && !isCarrierName(v.value) && !looksLikeLabelText(v.value) && !gaining.has(bare(v.value)))
        nameCands.push({ value: v.value, toks: m.toks.slice(0, b!.words), score: 0.45 * v.quality, prose: true });
    }
  }
}

// a name's words: capitalised words and initials ("Susan K. Ivanova"); a full stop after a word ends it
const PROSE_NAME = "([A-Z][A-Za-z'-]+(?:\\s+(?:[A-Z]\\.|[A-Z][A-Za-z'-]*|de|la|van|der|von|da|del)){1,3})";
const PROSE_PERSON = [
  new RegExp(`\\b[Mm]y name is\\s+${PROSE_NAME}`),
  // "…the account holder authorizing this request is NAME", "The authorized signer for the account is NAME"
  new RegExp(
    `\\b(?:authori[sz]ing|authori[sz]ed\\s+(?:signer|signatory|person|party|representative|individual|contact|agent)|signer|signatory)\\b[^.]{0,40}?\\bis\\s+${PROSE_NAME}`,
  ),
  // a closing and the name under it, typed or e-signed ("Sincerely, /s/ NAME", "Signed by NAME")
  new RegExp(
    `(?:^|\\n|\\.\\s)(?:Signed(?:\\s+[Bb]y)?|Sincerely|(?:Best |Kind )?[Rr]egards|Respectfully(?: yours| submitted)?|Yours (?:truly|sincerely)|Thank you)[,:]?\\s+(?:\\/s\\/\\s*)?${PROSE_NAME}\\s*$`,
    'm',
  ),
];
const PROSE_GAINING = /\bauthori[sz]es?\s+([A-Z][\w&'.-]*(?:\s+[A-Z0-9][\w&'.-]*){0,5})/;

/** A letter names the service address in a sentence. */
export function proseServiceAddresses(doc: DocLayout, serviceCands: AddrCand[]): void {
  // a letter names the address in a sentence: "The service address on the account is 1877 Lakeview
  // Avenue, Suite 4B, Lakewood, OH 44107." (the sentence may wrap; the address ends at its ZIP)
  for (const m of proseMatches(
    doc,
    /\b(?:service|installation|install|physical|site)\s+(?:address|location)\b[^.:]{0,40}?\b(?:is|at|:)\s+(\d+[A-Za-z]?\s[^]{4,120}?\b\d{5}(?:-\d{4})?)(?!\d)/i,
  )) {
    // the sentence's full stop after the ZIP is not part of it
    const toks = m.toks.map((t, i) => (i === m.toks.length - 1 ? { ...t, text: t.text.replace(/[.,;]$/, '') } : t));
    const r = readAddress([toks]);
    const zipCheck = r ? zipCheckOf(r.check) : undefined;
    if (r)
      serviceCands.push({
        value: r.value,
        toks: r.toks,
        score: 0.5 * r.quality,
        hit: null,
        prose: true,
        ...(zipCheck ? { zipCheck } : {}),
      });
  }
  // "…at the service address 12 Main St, …", "…installed at 12 Main St…", "…service located at…":
  // a street address after a service/installation word in the same sentence (weaker than the above)
  for (const m of proseMatches(
    doc,
    /\b(?:service|installed|installation|located|premises|site)\b[^.:\d]{0,40}?\s(\d+[A-Za-z]?\s[^]{4,120}?\b\d{5}(?:-\d{4})?)(?!\d)/i,
  )) {
    const toks = m.toks.map((t, i) => (i === m.toks.length - 1 ? { ...t, text: t.text.replace(/[.,;]$/, '') } : t));
    const r = readAddress([toks]);
    if (
      !r ||
      serviceCands.some((c) => c.prose && c.toks.some((t) => r.toks.some((u) => u.idx === t.idx && u.page === t.page)))
    )
      continue;
    const zipCheck = zipCheckOf(r.check);
    serviceCands.push({
      value: r.value,
      toks: r.toks,
      score: 0.45 * r.quality,
      hit: null,
      prose: true,
      ...(zipCheck ? { zipCheck } : {}),
    });
  }
}

/**
 * Any street address in running text ("We, Harbor Light LLC, of 120 Harbor Dr, …, UT 84105,
 * authorize…"), named by the words before it in its sentence: a billing or remit-to one is left
 * out; an unnamed one is a weak candidate on a form or record (a letter's only address is where
 * its lines are), never on a bill.
 */
export function proseAddresses(doc: DocLayout, serviceCands: AddrCand[]): void {
  const ADDRESS = /\b\d+[A-Za-z]?\s[^]{4,120}?\b\d{5}(?:-\d{4})?(?!\d)/g;
  for (const p of paragraphs(doc)) {
    if (!p.running) continue;
    for (let m = ADDRESS.exec(p.tt.text); m; m = ADDRESS.exec(p.tt.text)) {
      const toks = toksIn(p.tt, m.index, m.index + m[0].length).map((t, i, all) =>
        i === all.length - 1 ? { ...t, text: t.text.replace(/[.,;]$/, '') } : t,
      );
      const r = readAddress([toks]);
      if (
        !r ||
        !isStreetishAddress(r) ||
        serviceCands.some((c) => c.toks.some((t) => r.toks.some((u) => u.idx === t.idx && u.seg === t.seg)))
      )
        continue;
      const before = p.tt.text
        .slice(0, m.index)
        .split(/[.;:!?]\s/)
        .at(-1)!
        .split(/\s+/)
        .slice(-8)
        .join(' ');
      const concept = conceptInSentence(before);
      if (concept === 'billing' || concept === 'remit' || (concept === 'unknown' && doc.kind === 'invoice')) continue;
      const zipCheck = zipCheckOf(r.check);
      serviceCands.push({
        value: r.value,
        toks: r.toks,
        score: (concept === 'service' ? 0.45 : 0.35) * r.quality,
        hit: null,
        prose: true,
        ...(zipCheck ? { zipCheck } : {}),
      });
    }
  }
}

export function isStreetishAddress(r: AddrResult): boolean {
  return !!r.value.city && (r.poBox || /^\d+[A-Za-z]?(?:-\d+)?\s+\S*[A-Za-z]/.test(r.value.street_line));
}
