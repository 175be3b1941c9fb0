import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { main } from '../../electron/cli/main.js';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { createOcrPool } from '../../electron/core/ocr/pool.js';
import type { OcrPool } from '../../electron/core/ocr/types.js';
import { generateCorpus, generateDocument, LAYOUT_NAMES, type Fixture } from '../fixtures/generator/index.js';
import { renderScan } from '../fixtures/generator/image.js';
import {
  accuracy,
  addToTable,
  emptyTable,
  formatTable,
  SCORED_FIELDS,
  type ScoredField,
  type Table,
} from '../fixtures/generator/score.js';

/*
 * Per-field accuracy over generated documents read by the real reader: text PDFs through pdfjs,
 * and a small sample of degraded scans through OCR (about a second a page, so six pages).
 */
let dir: string;
let pool: OcrPool;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-extract-'));
  pool = createOcrPool({ size: 1 });
});

afterAll(async () => {
  await pool?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function failing(table: Table, floor: Partial<Record<ScoredField, number>>, fallback: number): string[] {
  return SCORED_FIELDS.filter((k) => table[k].scored && accuracy(table[k]) < (floor[k] ?? fallback)).map(
    (k) => `${k} ${(accuracy(table[k]) * 100).toFixed(1)}%`,
  );
}

describe('text PDFs through the reader', () => {
  it('extracts every field of every layout at 95% or better', async () => {
    const entries = await generateCorpus({ seed: 90_000, count: LAYOUT_NAMES.length * 3, outDir: dir, scans: false });
    const table = emptyTable();
    let kinds = 0;
    for (const e of entries) {
      const truth = JSON.parse(fs.readFileSync(path.join(dir, e.truth), 'utf8')) as {
        kind: string;
        truth: Fixture['truth'];
      };
      const read = await readDocument(fs.readFileSync(path.join(dir, e.pdf)), { name: e.pdf });
      expect(read.pages.every((p) => p.method === 'text')).toBe(true);
      const r = extractFields(read.pages);
      if (r.kind === truth.kind) kinds++;
      addToTable(table, truth.truth, r.fields);
    }
    console.log(
      `text PDFs, ${entries.length} documents (${LAYOUT_NAMES.length} layouts)\n${formatTable(table)}\nclassified ${kinds}/${entries.length}`,
    );
    expect(kinds).toBe(entries.length);
    expect(failing(table, {}, 0.95)).toEqual([]);
  });
});

describe('committed samples', () => {
  it('extract to the truth recorded beside them', async () => {
    const samples = path.join(
      path.dirname(new URL(import.meta.url).pathname),
      '..',
      'fixtures',
      'generator',
      'samples',
    );
    const pdfs = fs.readdirSync(samples).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(3);
    for (const pdf of pdfs) {
      const truth = JSON.parse(fs.readFileSync(path.join(samples, pdf.replace(/\.pdf$/, '.truth.json')), 'utf8')) as {
        kind: string;
        truth: Fixture['truth'];
      };
      const read = await readDocument(fs.readFileSync(path.join(samples, pdf)), { name: pdf });
      const r = extractFields(read.pages);
      expect(r.kind, pdf).toBe(truth.kind);
      const table = emptyTable();
      expect(addToTable(table, truth.truth, r.fields), pdf).toEqual([]);
    }
  });
});

describe('scans through OCR', () => {
  it('reads six degraded one-page scans well enough to be useful', async () => {
    // first pages only: LOA form, letter and table; a bill; two CSRs
    const picks: [string, number][] = [
      ['loa-form', 3],
      ['loa-letter', 5],
      ['loa-boxes', 7],
      ['inv-classic', 11],
      ['csr-keyvalue', 13],
      ['csr-mono', 17],
    ];
    const table = emptyTable();
    let kinds = 0;
    for (const [layout, seed] of picks) {
      const f = generateDocument(seed, layout);
      const scan = await renderScan({ pages: f.model.pages.slice(0, 1) }, f.seed);
      const file = path.join(dir, `${f.id}.scan.pdf`);
      fs.writeFileSync(file, scan.pdf);
      const read = await readDocument(fs.readFileSync(file), { pool, name: path.basename(file) });
      expect(read.pages.map((p: PageText) => p.method)).toEqual(['ocr']);
      const r = extractFields(read.pages);
      if (r.kind === f.kind) kinds++;
      // numbers listed on later pages are not on the scanned first page
      const truth = { ...f.truth };
      if (f.model.pages.length > 1) delete truth.phone_numbers;
      addToTable(table, truth, r.fields);
    }
    const pooled = SCORED_FIELDS.reduce(
      (a, k) => ({ scored: a.scored + table[k].scored, correct: a.correct + table[k].correct }),
      { scored: 0, correct: 0 },
    );
    console.log(
      `scans (300 dpi, rotated, blurred, JPEG q60), ${picks.length} pages\n${formatTable(table)}\nall fields ${pooled.correct}/${pooled.scored}, classified ${kinds}/${picks.length}`,
    );
    expect(kinds).toBeGreaterThanOrEqual(5);
    expect(pooled.correct / pooled.scored).toBeGreaterThanOrEqual(0.8);
    expect(failing(table, { account_number: 0.8, document_date: 0.8, carrier_name: 0.8, btn: 0.8 }, 0)).toEqual([]);
  });
});

describe('portdesk extract', () => {
  it('prints one JSON object per file, as an array for several files', async () => {
    const f = generateDocument(21, 'inv-boxes');
    const [entry] = await generateCorpus({
      seed: 21,
      count: 1,
      outDir: path.join(dir, 'cli'),
      scans: false,
      layouts: ['inv-boxes'],
    });
    const pdf = path.join(dir, 'cli', entry!.pdf);
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    expect(await main(['extract', pdf, pdf, '--type', 'invoice', '--json'], io)).toBe(0);
    const out = JSON.parse(lines.join('\n')) as {
      file: string;
      type: string;
      pages: number;
      page_methods: string[];
      fields: Record<string, { value: unknown; page: number; bbox: number[] }>;
    }[];
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ file: pdf, type: 'invoice', pages: f.model.pages.length });
    expect(out[0]!.page_methods.every((m) => m === 'text')).toBe(true);
    expect(out[0]!.fields.service_address!.value).toEqual(f.truth.service_address);
    expect(out[0]!.fields.phone_numbers!.value).toEqual(f.truth.phone_numbers);
    expect(out[0]!.fields.account_number!.bbox).toHaveLength(4);

    lines.length = 0;
    expect(await main(['extract', pdf, '--json'], io)).toBe(0);
    expect(Array.isArray(JSON.parse(lines.join('\n')))).toBe(false);
  });

  it('answers a file it cannot read with its own error, naming the file, and exits 1', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const missing = path.join(dir, 'missing.pdf');
    expect(await main(['extract', missing, '--json'], io)).toBe(1);
    expect(JSON.parse(lines.join('\n'))).toEqual({
      file: missing,
      error: { code: 'FILE_UNREADABLE', message: `cannot read ${missing}: ENOENT` },
    });
    const junk = path.join(dir, 'junk.pdf');
    fs.writeFileSync(junk, 'this is not a document');
    lines.length = 0;
    expect(await main(['extract', junk], io)).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('junk.pdf');
  });
});
