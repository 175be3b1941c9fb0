import fs from 'node:fs';
import { AppError } from '../../../shared/contract/rpc.js';
import { isMaskedValue } from '../../../shared/contract/documents.js';
import {
  CaseCompareData,
  GainingCarrierName,
  type ComparisonResult,
  type PredictedRejection,
} from '../../../shared/domain/comparison.js';
import { ExtractedFields, type DocumentKind, type PageText } from '../../../shared/domain/document.js';
import { parseNumber, splitNumberList } from '../../../shared/domain/phone.js';
import { compareCase } from '../../core/compare/index.js';
import { jsonOption, parse, type CliCommand, type CliIo } from '../args.js';

type DocKind = 'loa' | 'invoice' | 'csr';

/** What electron/core/extract exports (built by another feature); loaded only when present. */
interface ExtractModule {
  extractFields(pages: PageText[], hint?: DocumentKind): { fields: ExtractedFields };
}

/** The document reader: words with boxes (text layer, OCR where needed), kept for guided verification. */
async function readPages(file: string): Promise<PageText[]> {
  const { readDocument } = await import('../../core/documents/read.js');
  const bytes = fs.readFileSync(file);
  const read = await readDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    name: file.split(/[\\/]/).pop() ?? file,
  });
  return read.pages;
}

/**
 * A plain-text document (an exported CSR, a bill saved as text) laid out as a monospace page: each
 * word gets the box it would have in a fixed-pitch print-out, so the extractor's layout analysis
 * (labels, columns, lines) works as on a text PDF. The document reader takes PDFs and images only.
 */
export function textToPages(text: string): PageText[] {
  const CHAR_W = 6;
  const LINE_H = 12;
  const MARGIN = 36;
  const LINES_PER_PAGE = 66;
  const pages: PageText[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split('\f')) {
    const lines = chunk.split('\n').map((l) => l.replace(/\t/g, '        '));
    for (let start = 0; start < Math.max(1, lines.length); start += LINES_PER_PAGE) {
      const pageLines = lines.slice(start, start + LINES_PER_PAGE);
      const words: PageText['words'] = [];
      pageLines.forEach((line, li) => {
        for (const m of line.matchAll(/\S+/g)) {
          const x0 = MARGIN + m.index * CHAR_W;
          const y0 = MARGIN + li * LINE_H;
          words.push({ text: m[0], bbox: [x0, y0, x0 + m[0].length * CHAR_W, y0 + LINE_H - 2], conf: 1 });
        }
      });
      const widest = Math.max(0, ...pageLines.map((l) => l.length));
      pages.push({
        page: pages.length + 1,
        method: 'text',
        words,
        width: Math.max(612, MARGIN * 2 + widest * CHAR_W),
        height: Math.max(792, MARGIN * 2 + pageLines.length * LINE_H),
      });
    }
  }
  return pages;
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  // PDF/PNG/JPEG/TIFF magic numbers mean a binary document for the reader
  const magic = head.subarray(0, 4).toString('latin1');
  if (
    magic.startsWith('%PDF') ||
    magic.startsWith('\x89PNG') ||
    magic.startsWith('\xff\xd8') ||
    magic === 'II*\x00' ||
    magic === 'MM\x00*'
  )
    return false;
  const printable = [...head].filter(
    (b) => b === 9 || b === 10 || b === 13 || b === 12 || (b >= 32 && b !== 127),
  ).length;
  return printable / head.length > 0.95;
}

/** Reading documents (pdfjs, OCR) loads only when a document file is given, not for --*-json. */
async function loadExtractor(): Promise<ExtractModule> {
  return import('../../core/extract/index.js');
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError(
      'FILE_UNREADABLE',
      `cannot read ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('BAD_INPUT', `${what} ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * ExtractedFields as JSON: the extractor's output (`{fields: …}`) or the fields themselves, where a
 * field may be a bare value ("account_name": "Acme LLC") instead of {value, confidence, page, bbox},
 * and a service/billing address may be one free-text string.
 */
export function fieldsFromJson(data: unknown, label: string): ExtractedFields {
  const obj = data && typeof data === 'object' && 'fields' in data ? (data as { fields: unknown }).fields : data;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj))
    throw new AppError('BAD_INPUT', `${label}: expected an object of extracted fields`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    const isWrapped = typeof v === 'object' && !Array.isArray(v) && 'value' in (v as object);
    let value = isWrapped ? (v as { value: unknown }).value : v;
    if (isMaskedValue(value)) {
      throw new AppError(
        'BAD_INPUT',
        `${label}: ${k} is masked (portdesk extract hides it); extract again with --reveal-pin to compare it, or delete the ${k} entry`,
      );
    }
    if ((k === 'service_address' || k === 'billing_address') && typeof value === 'string') {
      value = { street_line: value, unit: '', city: '', state: '', zip5: '', zip4: '' };
    }
    if ((k === 'phone_numbers' || k === 'numbers_not_to_port') && typeof value === 'string')
      value = splitNumberList(value);
    out[k] = isWrapped
      ? { confidence: 1, page: null, bbox: null, ...(v as object), value }
      : { value, confidence: 1, page: null, bbox: null };
  }
  const parsed = ExtractedFields.safeParse(out);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError(
      'BAD_INPUT',
      `${label}: ${first ? `${first.path.join('.')}: ${first.message}` : 'invalid fields'}`,
    );
  }
  return parsed.data;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function positiveInt(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 3650)
    throw new AppError('BAD_INPUT', `--${name} must be a whole number of days between 1 and 3650, got "${raw}"`);
  return n;
}

function rejectionJson(p: PredictedRejection) {
  return {
    code: p.code,
    field: p.field,
    level: p.level,
    sources: p.sources,
    action: p.action,
    meaning: p.meaning,
    reason: p.reason,
    evidence: p.evidence,
    ...(p.received_on ? { received_on: p.received_on } : {}),
  };
}

/** The CLI's JSON: the documented keys first, then the full result's extras. */
export function cliJson(r: ComparisonResult, missingDocuments: string[]) {
  const fields: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(r.fields)) {
    fields[name] = {
      verdict: f.verdict,
      loa: f.values.loa ?? null,
      invoice: f.values.invoice ?? null,
      csr: f.values.csr ?? null,
      ...(f.values.case !== undefined ? { case: f.values.case } : {}),
      reason: f.reason,
      reference: f.reference,
      ...(f.proposed !== undefined ? { proposed: f.proposed } : {}),
      ...(f.missing_on ? { missing_on: f.missing_on } : {}),
      normalized: f.normalized,
      ...(f.parts ? { parts: f.parts } : {}),
    };
  }
  return {
    fields,
    predicted_rejections: r.predicted_rejections.map(rejectionJson),
    /** differences that could not be confirmed: field, why, and what each document seems to say */
    checks: r.checks.map((c) => ({
      field: c.field,
      code: c.code,
      why: c.why,
      sources: c.sources,
      reference: c.reference,
      candidates: c.candidates,
    })),
    banners: r.banners,
    not_checked: r.not_checked,
    risks: r.risks.map(rejectionJson),
    missing_documents: missingDocuments,
    reference_document: r.reference_document,
    as_of: r.as_of,
    carrier: r.carrier,
    reseller: r.reseller,
    numbers: r.numbers,
    checklist: r.checklist,
    counts: r.counts,
  };
}

const MARK: Record<string, string> = {
  match: '✓',
  equivalent: '≈',
  mismatch: '✗',
  too_old: '⌛',
  missing: '∅',
  info: 'i',
  not_checked: '?',
};

const COMPARE_OPTIONS = {
  ...jsonOption,
  loa: { type: 'string' },
  invoice: { type: 'string' },
  csr: { type: 'string' },
  'loa-json': { type: 'string' },
  'invoice-json': { type: 'string' },
  'csr-json': { type: 'string' },
  'extra-csr-json': { type: 'string', multiple: true },
  'case-json': { type: 'string' },
  numbers: { type: 'string' },
  carrier: { type: 'string' },
  'gaining-carrier': { type: 'string' },
  'as-of': { type: 'string' },
  'invoice-max-age-days': { type: 'string' },
  'loa-max-age-days': { type: 'string' },
} as const;

type CompareValues = ReturnType<typeof parse<typeof COMPARE_OPTIONS>>['values'];

function asOfDate(values: CompareValues): string {
  const asOf = values['as-of'] ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) {
    throw new AppError('BAD_INPUT', `--as-of must be a date as YYYY-MM-DD, got "${asOf}"`);
  }
  return asOf;
}

/** The porting company's own name (the app's Settings keep it): a name read as it is no customer's. */
function gainingCarrierOf(values: CompareValues): string | undefined {
  const raw = values['gaining-carrier'];
  if (raw === undefined) return undefined;
  const parsed = GainingCarrierName.safeParse(raw);
  if (!parsed.success) throw new AppError('BAD_INPUT', `--gaining-carrier must be a name of at most 120 characters`);
  return parsed.data;
}

function ageLimits(values: CompareValues) {
  return {
    invoiceMaxAgeDays: positiveInt(values['invoice-max-age-days'], 'invoice-max-age-days') ?? 30,
    loaMaxAgeDays: positiveInt(values['loa-max-age-days'], 'loa-max-age-days') ?? 30,
  };
}

/** Each of LOA, invoice and CSR from its JSON fields or read from its file (PDF, image or text). */
async function readDocuments(values: CompareValues) {
  const docs: Partial<Record<DocKind, ExtractedFields>> = {};
  const pages: Partial<Record<DocKind, PageText[]>> = {};
  let extractor: ExtractModule | undefined;
  for (const kind of ['loa', 'invoice', 'csr'] as const) {
    const file = values[kind];
    const jsonFile = values[`${kind}-json`];
    if (file && jsonFile) throw new AppError('BAD_INPUT', `give either --${kind} or --${kind}-json, not both`);
    if (jsonFile) docs[kind] = fieldsFromJson(readJson(jsonFile, `--${kind}-json`), `--${kind}-json ${jsonFile}`);
    else if (file) {
      if (!fs.existsSync(file)) throw new AppError('FILE_UNREADABLE', `cannot read --${kind} ${file}: no such file`);
      if (/\.json$/i.test(file)) {
        docs[kind] = fieldsFromJson(readJson(file, `--${kind}`), `--${kind} ${file}`);
        continue;
      }
      if (extractor === undefined) extractor = await loadExtractor();
      const bytes = fs.readFileSync(file);
      pages[kind] = looksLikeText(bytes) ? textToPages(bytes.toString('utf8')) : await readPages(file);
      docs[kind] = extractor.extractFields(pages[kind]!, kind).fields;
    }
  }
  return { docs, pages };
}

function readCaseData(values: CompareValues): CaseCompareData | undefined {
  let caseData: CaseCompareData | undefined;
  if (values['case-json']) {
    const parsed = CaseCompareData.safeParse(readJson(values['case-json'], '--case-json'));
    if (!parsed.success)
      throw new AppError(
        'BAD_INPUT',
        `--case-json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    caseData = parsed.data;
  }
  if (values.carrier) caseData = { ...(caseData ?? {}), losing_carrier: values.carrier };
  return caseData;
}

function numbersToPortFrom(values: CompareValues, io: CliIo): string[] | undefined {
  const numbersToPort = values.numbers ? splitNumberList(values.numbers) : undefined;
  const invalid = (numbersToPort ?? []).map((n) => parseNumber(n)).filter((p) => !p.ok);
  // said on stderr so the JSON on stdout stays whole for scripts
  for (const p of invalid)
    io.err(
      `portdesk compare: --numbers "${p.raw}" is not a valid phone number (${p.ok ? '' : p.error}); it was not checked`,
    );
  return numbersToPort;
}

function printFieldsAndRejections(io: CliIo, result: ComparisonResult, missingDocuments: DocKind[]): void {
  if (missingDocuments.length)
    io.out(
      `Not given: ${missingDocuments.map((d) => d.toUpperCase()).join(', ')} — fields that need ${missingDocuments.length > 1 ? 'them' : 'it'} are marked "?".`,
    );
  for (const f of Object.values(result.fields)) {
    io.out(`${MARK[f.verdict] ?? ' '} ${f.label.padEnd(18)} ${f.verdict.padEnd(11)} ${f.reason}`);
    if (f.proposed !== undefined && f.verdict !== 'match') io.out(`  ${''.padEnd(18)} use: ${f.proposed}`);
  }
  io.out('');
  if (result.predicted_rejections.length) {
    io.out('Predicted rejections:');
    for (const p of result.predicted_rejections) io.out(`  ${p.code} (${p.field}): ${p.reason}\n    → ${p.action}`);
  } else if (result.banners.some((b) => b.kind === 'nothing_checked'))
    io.out('No rejection predicted because nothing could be checked (see below).');
  else io.out('No rejection predicted.');
}

function printChecksAndChecklist(io: CliIo, result: ComparisonResult): void {
  if (result.checks.length) {
    io.out('Could not be confirmed — look at both:');
    for (const c of result.checks) {
      const seen = (Object.entries(c.candidates) as [string, { value: string }[]][])
        .map(([src, cs]) => `${src.toUpperCase()} "${cs.map((x) => x.value).join('" / "')}"`)
        .join(' vs ');
      io.out(`  ${c.label}: ${c.why}\n    ${seen}`);
    }
  }
  for (const b of result.banners) io.out(`! ${b.message}`);
  if (result.risks.length) {
    io.out('Warnings:');
    for (const p of result.risks) io.out(`  ${p.code}: ${p.reason}`);
  }
  if (result.reseller) io.out(`\nReseller: ${result.reseller.message}\n  Ask: "${result.reseller.question}"`);
  io.out('\nChecklist:');
  for (const c of result.checklist)
    io.out(`  [${c.state === 'done' ? 'x' : c.state === 'open' ? ' ' : '?'}] ${c.text}${c.note ? ` — ${c.note}` : ''}`);
}

export const compare: CliCommand = {
  path: ['compare'],
  summary: 'Compare LOA, invoice and CSR field by field and predict rejections.',
  usage:
    'portdesk compare [--loa F] [--invoice F] [--csr F] [--loa-json F] [--invoice-json F] [--csr-json F] [--extra-csr-json F…] [--case-json F] [--numbers +1…,+1…] [--carrier NAME] [--gaining-carrier NAME] [--as-of YYYY-MM-DD] [--invoice-max-age-days N] [--loa-max-age-days N] [--json]',
  async run(argv, io) {
    const { values } = parse(argv, COMPARE_OPTIONS, this.usage, false);
    const asOf = asOfDate(values);
    const limits = ageLimits(values);
    const { docs, pages } = await readDocuments(values);
    const extraCsrs = (values['extra-csr-json'] ?? []).map((f) =>
      fieldsFromJson(readJson(f, '--extra-csr-json'), `--extra-csr-json ${f}`),
    );
    const caseData = readCaseData(values);
    const numbersToPort = numbersToPortFrom(values, io);
    if (!docs.loa && !docs.invoice && !docs.csr && !caseData) {
      throw new AppError(
        'BAD_INPUT',
        `give at least one document (--loa, --invoice, --csr or their -json forms)\nusage: ${this.usage}`,
      );
    }

    const gainingCarrier = gainingCarrierOf(values);
    const result = compareCase({ ...docs, pages, extraCsrs, caseData, numbersToPort, asOf, limits, gainingCarrier });
    const missingDocuments = (['loa', 'invoice', 'csr'] as const).filter((k) => !docs[k]);
    if (values.json) {
      io.out(JSON.stringify(cliJson(result, missingDocuments)));
      return 0;
    }
    printFieldsAndRejections(io, result, missingDocuments);
    printChecksAndChecklist(io, result);
    return 0;
  },
};
