/**
 * OCR quality on bad scans, per preprocessing variant: word recall against the truth words, and
 * the extraction fields a scan still gets right out of those the clean text layer of the same page
 * gets right (so the figure moves with OCR only, not with extraction's own misses). Pages: the first
 * page of 9 generated documents in layouts with gray fills, ruled grids, underlines and Courier
 * (300-dpi degraded JPEG scans), and the 3 dev-set scans (PNG, truth words from their PDF).
 *   npx tsx test/bench/ocr-quality.bench.ts [variant,variant…]   (OCRQ_MISSED=1: list missed words;
 *   OCRQ_NO_NATIVE=1: skip the native tesseract timing)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentKind, ExtractedFields, PageText } from '../../shared/domain/document.js';
import { openPdf, pageTextLayer } from '../../electron/core/documents/pdf.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { DEFAULT_PREPROCESS, OcrEngine, type PreprocessOptions } from '../../electron/core/ocr/engine.js';
import { generateDocuments } from '../fixtures/generator/index.js';
import { renderScanPage } from '../fixtures/generator/image.js';
import { SCORED_FIELDS as GEN_FIELDS, fieldCorrect } from '../fixtures/generator/score.js';
import { buildDoc, DOCS } from '../fixtures/devset/corpus.js';
import { newPdf } from '../fixtures/devset/pdf.js';
import { SCORED_FIELDS as HELD_FIELDS, scoreField } from '../fixtures/devset/score.js';
import { startedAsScript } from './stats.js';

const LAYOUTS = [
  'loa-boxes',
  'inv-boxes',
  'csr-boxes',
  'csr-grid',
  'loa-form',
  'csr-mono',
  'inv-mono',
  'loa-table',
  'csr-table',
];

interface Sample {
  id: string;
  kind: DocumentKind;
  bytes: Uint8Array;
  mime: 'image/jpeg' | 'image/png';
  truthWords: string[];
  /** names of the fields the clean text layer of this page extracts correctly */
  fieldsOk(got: ExtractedFields): string[];
  ceiling: string[];
}

/** Words compared without the punctuation that hugs them ("(212)" and "212" differ only in layout). */
const key = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

export function wordRecall(truth: string[], got: string[]): { recall: number; missed: string[] } {
  const bag = new Map<string, number>();
  for (const g of got.map(key).filter(Boolean)) bag.set(g, (bag.get(g) ?? 0) + 1);
  let hit = 0,
    n = 0;
  const missed: string[] = [];
  for (const t of truth.map(key).filter(Boolean)) {
    n++;
    const c = bag.get(t) ?? 0;
    if (c > 0) {
      hit++;
      bag.set(t, c - 1);
    } else missed.push(t);
  }
  return { recall: n ? hit / n : 1, missed };
}

async function samples(): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const f of generateDocuments({ seed: 700, count: LAYOUTS.length, layouts: LAYOUTS })) {
    const page = f.pages[0]!;
    const fieldsOk = (got: ExtractedFields) =>
      GEN_FIELDS.filter((fl) => f.truth[fl] !== undefined && fieldCorrect(fl, f.truth, got));
    out.push({
      id: f.id,
      kind: f.kind,
      mime: 'image/jpeg',
      bytes: renderScanPage(f.model.pages[0]!, f.seed * 31),
      truthWords: page.words.map((w) => w.text),
      fieldsOk,
      ceiling: fieldsOk(extractFields([page], f.kind).fields),
    });
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-ocrq-'));
  try {
    for (const d of DOCS.filter((x) => x.scan)) {
      const built = await buildDoc(d, tmp);
      const pdf = await newPdf(d.id);
      await d.draw(pdf);
      const doc = await openPdf(await pdf.save());
      const page = await pageTextLayer(doc, 1);
      await doc.destroy();
      const fieldsOk = (got: ExtractedFields) =>
        HELD_FIELDS.filter((fl) => scoreField(d, fl, got).outcome === 'correct');
      out.push({
        id: d.id,
        kind: d.kind,
        mime: 'image/png',
        bytes: new Uint8Array(fs.readFileSync(built.file)),
        truthWords: page.words.map((w) => w.text),
        fieldsOk,
        ceiling: fieldsOk(extractFields([page], d.kind).fields),
      });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

/** `default` is DEFAULT_PREPROCESS; each other variant changes one thing from it. */
export const VARIANTS: Record<string, Partial<PreprocessOptions>> = {
  default: {},
  psm6_before: { psm: '6' }, // what tesseract.js did before the page segmentation was set
  psm11: { psm: '11' },
  sauvola: { thresholding: 2 },
  rules_replace: { rules: 'replace' },
  rules_fill_gaps_psm11: { rules: 'fill-gaps', gapPsm: '11', replaceBelowConf: 0.5 },
  upscale_all_2x: { upscaleBelowDpi: 301 },
};
/** What `npm run bench` runs (the rest on request: a variant costs ~30-60 s of one core). */
const DEFAULT_RUN = ['psm6_before', 'default'];

interface PageFigures {
  recall: number;
  fields: string;
  ms: number;
  lost: string[];
  missed?: string;
}

async function runVariant(opts: PreprocessOptions, pages: Sample[]) {
  const engine = new OcrEngine(opts);
  await engine.warm();
  const per: Record<string, PageFigures> = {};
  let fieldsGot = 0,
    fieldsMax = 0;
  const ms: number[] = [];
  try {
    for (const s of pages) {
      const t = performance.now();
      const r = await engine.run({ kind: 'image', bytes: s.bytes, mime: s.mime, frame: 0 });
      const elapsed = performance.now() - t;
      ms.push(elapsed);
      const page: PageText = { page: 1, width: r.width, height: r.height, method: 'ocr', words: r.words };
      const ok = s.fieldsOk(extractFields([page], s.kind).fields);
      const kept = s.ceiling.filter((f) => ok.includes(f));
      fieldsGot += kept.length;
      fieldsMax += s.ceiling.length;
      const wr = wordRecall(
        s.truthWords,
        r.words.map((w) => w.text),
      );
      per[s.id] = {
        recall: round(wr.recall),
        fields: `${kept.length}/${s.ceiling.length}`,
        ms: Math.round(elapsed),
        lost: s.ceiling.filter((f) => !ok.includes(f)),
        // set OCRQ_MISSED=1 to see which words a variant never returned
        ...(process.env.OCRQ_MISSED ? { missed: wr.missed.join(' ') } : {}),
      };
    }
  } finally {
    await engine.close();
  }
  const recalls = Object.values(per).map((p) => p.recall);
  return {
    mean_word_recall: round(recalls.reduce((a, b) => a + b, 0) / recalls.length),
    fields_kept: `${fieldsGot}/${fieldsMax}`,
    field_accuracy: round(fieldsGot / Math.max(1, fieldsMax)),
    median_ms: median(ms),
    pages: per,
  };
}

/** Native tesseract (one thread) on the same pages: the speed reference for the 1.5× target. */
function nativeMs(pages: Sample[]): number | null {
  if (spawnSync('tesseract', ['--version']).status !== 0) return null;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-ocrq-native-'));
  try {
    const ms = pages.map((s, i) => {
      const f = path.join(tmp, `p${i}.${s.mime === 'image/png' ? 'png' : 'jpg'}`);
      fs.writeFileSync(f, s.bytes);
      const t = performance.now();
      execFileSync('tesseract', [f, '-', '--oem', '1', '--dpi', '300'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return performance.now() - t;
    });
    return median(ms);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function bench(only: string[] = DEFAULT_RUN) {
  const pages = await samples();
  const native = process.env.OCRQ_NO_NATIVE ? null : nativeMs(pages);
  const variants: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(VARIANTS)) {
    if (!only.includes(name)) continue;
    const r = await runVariant({ ...DEFAULT_PREPROCESS, ...v }, pages);
    variants[name] = { ...r, ratio_to_native: native ? round(r.median_ms / native) : null };
  }
  return {
    pages: pages.length,
    text_layer_fields: pages.reduce((a, s) => a + s.ceiling.length, 0),
    native_tesseract_median_ms: native === null ? 'not installed' : Math.round(native),
    variants,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] ?? 0);
};
const round = (x: number) => Math.round(x * 1000) / 1000;

if (startedAsScript(import.meta.url)) {
  console.log(JSON.stringify(await bench(process.argv[2]?.split(',')), null, 1));
}
