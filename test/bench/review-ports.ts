/**
 * Whole ports for measuring the review: one customer scenario drawn by the document generator,
 * an LOA, an invoice and a CSR made from it, and at random one planted real difference on the LOA
 * (a field the carrier would reject) or a near miss (a difference of form only that must stay a
 * match). Some documents are OCR-like (words perturbed, lower confidence) instead of text PDFs.
 *
 * Stands in for the generator's `generatePorts` (branch "gen") until it lands; the split is the
 * same idea: DEV seeds to look at and tune, TEST seeds only to score.
 */
import { compareCase } from '../../electron/core/compare/index.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { CompareInput, ComparisonResult } from '../../shared/domain/comparison.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { address, businessName, personName } from '../fixtures/generator/data.js';
import { CSR_LAYOUTS } from '../fixtures/generator/csr.js';
import { INVOICE_LAYOUTS } from '../fixtures/generator/invoice.js';
import { layoutWords } from '../fixtures/generator/layout.js';
import { LOA_LAYOUTS } from '../fixtures/generator/loa.js';
import { perturb } from '../fixtures/generator/noise.js';
import { Rng } from '../fixtures/generator/rng.js';
import { makeScenario, type Scenario, type TruthFields } from '../fixtures/generator/scenario.js';
import { generatePorts, type GeneratedPort } from '../fixtures/generator/ports.js';
import type { Split } from '../fixtures/generator/seeds.js';
import { FRESH_HALVES, type FreshHalf, withFreshLabels } from '../fixtures/generator/vocab.js';

export const PLANTABLE = {
  account_name: 'ENTITY_NAME_MISMATCH',
  authorized_person: 'AUTH_PERSON_MISMATCH',
  service_address: 'LOCATION_MISMATCH',
  account_number: 'ACCOUNT_NUMBER_MISMATCH',
  phone_numbers: 'PHONE_NUMBER_MISMATCH',
} as const;
export type PlantedField = keyof typeof PLANTABLE;

export interface PortDoc {
  kind: 'loa' | 'invoice' | 'csr';
  layout: string;
  truth: TruthFields;
  pages: PageText[];
  scanned: boolean;
}
export interface BenchPort {
  seed: number;
  loa: PortDoc;
  invoice: PortDoc;
  csr: PortDoc;
  planted: { field: string; code: string }[];
  nearMiss: string | null;
  /** the day the port is reviewed: the invoice and LOA are within their limits */
  asOf: string;
  /** the porting company the LOA authorises, as the user's settings name it (the review is given it) */
  gaining?: string;
}

/** The ages the bench accepts: a port's documents are reviewed on a day within a year of them. */
/** A port's three documents as the extractor reads them. */
export const readPort = (p: BenchPort): Record<PortDoc['kind'], ExtractedFields> => ({
  loa: extractFields(p.loa.pages, 'loa').fields,
  invoice: extractFields(p.invoice.pages, 'invoice').fields,
  csr: extractFields(p.csr.pages, 'csr').fields,
});

export const PORT_LIMITS = { invoiceMaxAgeDays: 365, loaMaxAgeDays: 365 };

/**
 * A port reviewed as PortDesk reviews a case: each document's words read by the extractor, then
 * compared with those words on the port's day. `pages` stands in for a document's words (a test's
 * edit of them), `loa` edits the LOA's fields as read; `limits: null` leaves the product's own ages.
 */
export function reviewPort(
  p: BenchPort,
  opts: {
    pages?: Partial<Record<PortDoc['kind'], PageText[]>>;
    loa?: (read: ExtractedFields) => ExtractedFields;
    limits?: CompareInput['limits'] | null;
  } = {},
): ComparisonResult {
  const pages = {
    loa: opts.pages?.loa ?? p.loa.pages,
    invoice: opts.pages?.invoice ?? p.invoice.pages,
    csr: opts.pages?.csr ?? p.csr.pages,
  };
  const loa = extractFields(pages.loa, 'loa').fields;
  const limits = opts.limits === undefined ? PORT_LIMITS : opts.limits;
  return compareCase({
    loa: opts.loa ? opts.loa(loa) : loa,
    invoice: extractFields(pages.invoice, 'invoice').fields,
    csr: extractFields(pages.csr, 'csr').fields,
    pages,
    asOf: p.asOf,
    ...(limits ? { limits } : {}),
    gainingCarrier: p.gaining,
  });
}

export const DEV_SEEDS = { from: 1_000, count: 100 };
export const TEST_SEEDS = { from: 900_000, count: 100 };

function clone(sc: Scenario): Scenario {
  return structuredClone(sc);
}

/** One different digit, never the first (leading zeros count, a changed first digit could vanish). */
function changeDigit(rng: Rng, s: string): string {
  const at = [...s].map((c, i) => (/\d/.test(c) && i > 0 ? i : -1)).filter((i) => i >= 0);
  if (!at.length) return `${s}9`;
  const i = rng.pick(at);
  const d = Number(s[i]);
  return s.slice(0, i) + String((d + rng.int(1, 8)) % 10) + s.slice(i + 1);
}

function plant(rng: Rng, sc: Scenario, field: PlantedField): Scenario {
  const loa = clone(sc);
  switch (field) {
    case 'account_name': {
      let other = businessName(rng, personName(rng));
      while (other === sc.business) other = businessName(rng, personName(rng));
      loa.business = other;
      break;
    }
    case 'authorized_person': {
      let other = personName(rng);
      while (other === sc.person) other = personName(rng);
      loa.person = other;
      // a business named after its owner keeps its name: only the signer changes
      break;
    }
    case 'service_address': {
      let other = address(rng, sc.city);
      while (other.street_line === sc.service.street_line) other = address(rng, sc.city);
      loa.service = { ...other, zip5: sc.service.zip5, zip4: sc.service.zip4 };
      if (!sc.billingDiffers) loa.billing = loa.service;
      break;
    }
    case 'account_number':
      loa.account = changeDigit(rng, sc.account);
      loa.subAccounts = [];
      break;
    case 'phone_numbers': {
      const last = sc.numbers[sc.numbers.length - 1]!;
      let extra = changeDigit(rng, last);
      while (sc.numbers.includes(extra) || sc.contactPhone === extra) extra = changeDigit(rng, extra);
      loa.toPort = [...sc.toPort, extra];
      loa.numbers = [...sc.numbers, extra];
      break;
    }
  }
  return loa;
}

/** Differences of form only: the carrier's record and the LOA say the same thing. */
function nearMiss(rng: Rng, sc: Scenario): { loa: Scenario; what: string } {
  const loa = clone(sc);
  const choice = rng.int(0, 2);
  if (choice === 0) {
    loa.business = sc.business
      .replace(/\bInc\.?$/, 'Incorporated')
      .replace(/\bLLC$/, 'L.L.C.')
      .replace(/\bCorp\.?$/, 'Corporation');
    if (loa.business === sc.business) loa.business = sc.business.toUpperCase();
    return { loa, what: 'entity name in another form' };
  }
  if (choice === 1) {
    const swaps: [RegExp, string][] = [
      [/\bStreet\b/, 'St'],
      [/\bSt\b/, 'Street'],
      [/\bAvenue\b/, 'Ave'],
      [/\bAve\b/, 'Avenue'],
      [/\bSuite\b/, 'Ste'],
      [/\bRoad\b/, 'Rd'],
      [/\bDrive\b/, 'Dr'],
      [/\bNorth\b/, 'N'],
      [/\bN\b/, 'North'],
    ];
    const swap = swaps.find(([re]) => re.test(sc.service.street_line));
    loa.service = {
      ...sc.service,
      street_line: swap ? sc.service.street_line.replace(swap[0], swap[1]) : sc.service.street_line.toUpperCase(),
      zip4: '',
    };
    if (!sc.billingDiffers) loa.billing = loa.service;
    return { loa, what: 'service address abbreviated differently' };
  }
  loa.account = sc.account.replace(/(\d{3})(?=\d)/, '$1-');
  return { loa, what: 'account number with a dash' };
}

/** OCR-like damage: "mild" as a clean office scan, "heavy" as a fax or a phone photo. */
export type Noise = 'mild' | 'heavy';
const NOISE = {
  mild: { confuse: 0.03, split: 0.02, merge: 0.02, stray: 0.02, jitter: 0.8, rotate: 0.3 },
  heavy: { confuse: 0.08, split: 0.05, merge: 0.05, stray: 0.05, jitter: 1.5, rotate: 0.8 },
} as const;

function doc(kind: PortDoc['kind'], sc: Scenario, rng: Rng, scan: Noise | null, seed: number): PortDoc {
  const table = kind === 'loa' ? LOA_LAYOUTS : kind === 'invoice' ? INVOICE_LAYOUTS : CSR_LAYOUTS;
  const layout = rng.pick(Object.keys(table));
  const made = table[layout]!(sc, rng.fork(7));
  const clean = layoutWords(made.model);
  const pages = scan ? perturb(clean, seed, NOISE[scan]) : clean;
  return { kind, layout, truth: made.truth, pages, scanned: scan !== null };
}

export function makePort(seed: number, opts: { scanShare?: number; noise?: Noise } = {}): BenchPort {
  const rng = new Rng(seed);
  const sc = makeScenario(rng.fork(1));
  sc.signed = true;
  const r = rng.fork(2);
  let loaSc = sc;
  let planted: BenchPort['planted'] = [];
  let near: string | null = null;
  const roll = r.next();
  if (roll < 0.6) {
    const field = r.pick(Object.keys(PLANTABLE) as PlantedField[]);
    loaSc = plant(r, sc, field);
    planted = [{ field, code: PLANTABLE[field] }];
  } else if (roll < 0.8) {
    const n = nearMiss(r, sc);
    loaSc = n.loa;
    near = n.what;
  }
  const scanShare = opts.scanShare ?? 0.4;
  // at most one document of a port is a scan: the others are text PDFs (as most bundles are)
  const scanned = r.chance(scanShare) ? r.pick(['loa', 'invoice', 'csr'] as const) : null;
  const noise = opts.noise ?? 'mild';
  const loa = doc('loa', loaSc, rng.fork(3), scanned === 'loa' ? noise : null, seed * 3 + 1);
  const invoice = doc('invoice', sc, rng.fork(4), scanned === 'invoice' ? noise : null, seed * 3 + 2);
  const csr = doc('csr', sc, rng.fork(5), scanned === 'csr' ? noise : null, seed * 3 + 3);
  const sign = loa.truth.document_date ?? '2026-01-01';
  return { seed, loa, invoice, csr, planted, nearMiss: near, asOf: sign, gaining: sc.gaining };
}

/**
 * The generator's own ports (branch "gen": random layout families, real ZIPs, planted differences
 * and near misses drawn at random); the documents it delivers as scans get OCR-like words.
 */
export function generatorPorts(
  split: Split,
  count: number,
  opts: { scanShare: number; noise: Noise; offset?: number; standins?: number; fresh?: FreshHalf },
): BenchPort[] {
  // labels from a FRESH wording half (dev seeds only: withFreshLabels refuses the test split), so the
  // review is measured on wordings the extractor was not tuned on; a pick takes the same draw, so
  // only the label wordings change
  const made = withFreshLabels(opts.fresh, split, () =>
    generatePorts({
      split,
      count,
      scanShare: opts.scanShare,
      offset: opts.offset ?? 0,
      ...(opts.standins !== undefined ? { standins: opts.standins } : {}),
    }),
  );
  return made.map((g) => {
    const d = (kind: PortDoc['kind'], f: GeneratedPort['loa'], n: number): PortDoc => ({
      kind,
      layout: f.layout,
      truth: f.truth,
      scanned: g.scanned[kind],
      pages: g.scanned[kind] ? perturb(f.pages, g.seed * 3 + n, NOISE[opts.noise]) : f.pages,
    });
    return {
      seed: g.seed,
      loa: d('loa', g.loa, 1),
      invoice: d('invoice', g.invoice, 2),
      csr: d('csr', g.csr, 3),
      planted: g.planted.map((p) => ({ field: p.field, code: p.code })),
      nearMiss: g.nearMisses.map((n) => n.description).join('; ') || null,
      asOf: g.asOf,
      gaining: g.gaining,
    };
  });
}

export function makePorts(
  split: { from: number; count: number },
  opts: { scanShare?: number; noise?: Noise } = {},
): BenchPort[] {
  return Array.from({ length: split.count }, (_, i) => makePort(split.from + i, opts));
}

/**
 * How the bench's sets deliver documents: `mild` — 40% of ports have their invoice and CSR (the generator's
 * sets) or one document (the classic "mixed" set) as mildly noised scans; `bad` — every one a heavily noised
 * scan (fax, phone photo); `text` — none scanned.
 */
export const SCAN_DRAWS = {
  mild: { scanShare: 0.4, noise: 'mild' },
  bad: { scanShare: 1, noise: 'heavy' },
  text: { scanShare: 0, noise: 'mild' },
} as const satisfies Record<string, { scanShare: number; noise: Noise }>;
export type ScanDraw = keyof typeof SCAN_DRAWS;

/**
 * One dev port of the bench's generator sets as a test pins it: its seed, how its documents are scanned, the
 * stand-ins of the time the test chose it (each stand-in added changes which family a dev seed draws) and
 * the wording half it was found in.
 */
export function devPort(seed: number, draw: ScanDraw, opts: { standins: number; fresh?: FreshHalf }): BenchPort {
  const p = generatorPorts('dev', 1, {
    ...SCAN_DRAWS[draw],
    offset: seed - 1,
    standins: opts.standins,
    ...(opts.fresh ? { fresh: opts.fresh } : {}),
  })[0]!;
  // tests pin a port by its seed: a generator that numbered its ports otherwise would test another port
  if (p.seed !== seed) throw new Error(`dev port ${seed} drew seed ${p.seed}`);
  return p;
}

/** One port of the bench's dev bad-scan set (24 stand-ins unless the test says). */
export const devBadScanPort = (seed: number, fresh?: FreshHalf, standins = 24): BenchPort =>
  devPort(seed, 'bad', { standins, ...(fresh ? { fresh } : {}) });

/**
 * `REVIEW_FRESH=tune|check` (dev seeds only): the generator's ports draw their label wordings from
 * that FRESH half (vocab.ts). The check half is scored only — figures, never its documents.
 */
export function freshFromEnv(split: Split, env: string | undefined = process.env.REVIEW_FRESH): FreshHalf | undefined {
  if (!env) return undefined;
  if (!(FRESH_HALVES as readonly string[]).includes(env))
    throw new Error(`REVIEW_FRESH must be ${FRESH_HALVES.join(' or ')}`);
  if (split !== 'dev') throw new Error('REVIEW_FRESH is for dev seeds only (REVIEW_SPLIT=dev)');
  return env as FreshHalf;
}
