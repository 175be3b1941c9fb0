import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonResult } from '../../shared/domain/comparison.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { main } from '../../electron/cli/main.js';
import { compareCase } from '../../electron/core/compare/index.js';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { createOcrPool } from '../../electron/core/ocr/pool.js';
import type { OcrPool } from '../../electron/core/ocr/types.js';
import { buildDoc, CASES, docById } from '../fixtures/devset/corpus.js';
import { truthAsFields, type DevsetCase } from '../fixtures/devset/types.js';

/*
 * Seven dev-set ports (LOA + invoice + CSR), end to end: documents → extraction → compareCase.
 * Four carry one planted real difference that must come out as a mismatch; three differ only in
 * form (ST/Street, Inc./INC, ZIP+4, #200/STE 200, case, North Third/N 3RD) and must raise nothing.
 * The same cases compared on the ground truth separate comparison faults from extraction faults.
 */

/** Cases whose end-to-end result today carries rejections the truth does not: extraction faults (see the report). */
const KNOWN_E2E_NOISE: Record<string, string> = {};

let dir: string;
let pool: OcrPool;
const files = new Map<string, string>();
const extracted = new Map<string, ExtractedFields>();
/** the words with boxes each document was read into: the comparison's guided verification uses them */
const words = new Map<string, PageText[]>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-devset-cmp-'));
  pool = createOcrPool({ size: 1 });
  const ids = [...new Set(CASES.flatMap((c) => [c.loa, c.invoice, c.csr]))];
  for (const id of ids) {
    const doc = docById(id);
    const b = await buildDoc(doc, dir);
    files.set(id, b.file);
    // the specialist drops each file on its slot, so the kind is known
    const bytes = fs.readFileSync(b.file);
    const read = await readDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      name: path.basename(b.file),
      pool,
    });
    words.set(id, read.pages);
    extracted.set(id, extractFields(read.pages, doc.kind).fields);
  }
}, 120_000);

afterAll(async () => {
  await pool?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function run(c: DevsetCase, from: 'truth' | 'extracted'): ComparisonResult {
  const get = (id: string): ExtractedFields =>
    from === 'truth' ? truthAsFields(docById(id).truth) : extracted.get(id)!;
  const pages =
    from === 'extracted' ? { loa: words.get(c.loa), invoice: words.get(c.invoice), csr: words.get(c.csr) } : undefined;
  return compareCase({
    loa: get(c.loa),
    invoice: get(c.invoice),
    csr: get(c.csr),
    asOf: c.asOf,
    ...(pages ? { pages } : {}),
  });
}

function summary(r: ComparisonResult): string {
  const fields = Object.values(r.fields)
    .filter((f) => f.verdict === 'mismatch' || f.verdict === 'missing')
    .map((f) => `${f.field}=${f.verdict}: ${f.reason}`);
  return [`rejections: ${r.predicted_rejections.map((p) => p.code).join(', ') || 'none'}`, ...fields].join('\n  ');
}

const codes = (r: ComparisonResult) => r.predicted_rejections.map((p) => p.code).sort();

describe('comparison on the ground truth (comparison rules alone)', () => {
  for (const c of CASES) {
    it(`${c.id}: ${c.planted.length ? `reports the planted ${c.planted.join(', ')} mismatch` : 'reports nothing for form-only differences'}`, () => {
      const r = run(c, 'truth');
      for (const f of c.planted) expect(r.fields[f]?.verdict, `${f}\n  ${summary(r)}`).toBe('mismatch');
      for (const f of c.formOnly)
        expect(['mismatch', 'missing'], `${f} must not be reported\n  ${summary(r)}`).not.toContain(
          r.fields[f]?.verdict,
        );
      if (!c.planted.length) expect(codes(r), summary(r)).toEqual([]);
    });
  }
});

describe('end to end: documents → extraction → comparison', () => {
  for (const c of CASES) {
    if (c.planted.length) {
      it(`${c.id}: catches the planted ${c.planted.join(', ')} difference`, () => {
        const r = run(c, 'extracted');
        console.log(`${c.id} (extracted)\n  ${summary(r)}`);
        for (const f of c.planted) expect(r.fields[f]?.verdict, `${f}\n  ${summary(r)}`).toBe('mismatch');
      });
    }
    const quiet = `${c.id}: raises no rejection the ground truth does not (form-only differences stay quiet)`;
    const body = () => {
      const r = run(c, 'extracted');
      for (const f of c.formOnly)
        expect(['mismatch', 'missing'], `${f} must not be reported\n  ${summary(r)}`).not.toContain(
          r.fields[f]?.verdict,
        );
      expect(codes(r), summary(r)).toEqual(codes(run(c, 'truth')));
    };
    if (c.id in KNOWN_E2E_NOISE) it.fails(`${quiet} — known: ${KNOWN_E2E_NOISE[c.id]}`, body);
    else it(quiet, body);
  }
});

describe('the CLI', () => {
  /** `portdesk compare --json` on a dev-set port's three PDFs, as a specialist runs it. */
  async function compareCli(id: string): Promise<ComparisonResult> {
    const c = CASES.find((x) => x.id === id)!;
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    const args = ['--loa', files.get(c.loa)!, '--invoice', files.get(c.invoice)!, '--csr', files.get(c.csr)!];
    const code = await main(['compare', ...args, '--as-of', c.asOf, '--json'], io);
    expect(code, lines.join('\n')).toBe(0);
    return JSON.parse(lines.join('\n')) as ComparisonResult;
  }

  it('compares a dev-set port from its three PDFs and names the number that is not on the account', async () => {
    const out = await compareCli('c3-number-not-on-account');
    expect(out.predicted_rejections.map((p) => p.code)).toContain('PHONE_NUMBER_MISMATCH');
    expect(out.numbers.not_on_account).toEqual(['+15125550137']);
    expect(out.numbers.staying_marked_keep).toEqual(['+15125550133']);
  });

  it('compares a form-only port from its three PDFs without a rejection', async () => {
    const out = await compareCli('c5-form-only-street-inc-zip4');
    expect(out.predicted_rejections).toEqual([]);
    expect(out.fields.service_address?.verdict).toBe('equivalent');
    expect(out.fields.account_number?.verdict).toBe('equivalent');
  });
});
