import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readDocument } from '../../electron/core/documents/read.js';
import { DEFAULT_PREPROCESS, OcrEngine, type PreprocessOptions } from '../../electron/core/ocr/engine.js';
import { createOcrPool } from '../../electron/core/ocr/pool.js';
import { resolveTessdataDir, TESSDATA_FILE } from '../../electron/core/ocr/tessdata.js';
import { startedAsScript } from './stats.js';

/*
 * Reading speed and OCR accuracy. Figures: ms/page for text PDFs (target < 100) and 300-dpi scans,
 * cold (first page of a fresh pool, worker start-up included) and warm; the same scans through the
 * native tesseract CLI with OMP_THREAD_LIMIT=1 and the app's own eng.traineddata → ratio on the same
 * page (issue 9's target ≤ 1.3); peak RSS while the pool
 * works; word accuracy of each preprocessing step on degraded scans (what DEFAULT_PREPROCESS keeps).
 */

const require = createRequire(import.meta.url);
const FONT = 'PortDeskBenchSans';
GlobalFonts.registerFromPath(
  path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf'),
  FONT,
);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
/** Issue 9's target: a warm scan page no slower than 1.3× native tesseract (one thread) on the same page. */
/**
 * OCR_BENCH_SCANS_ONLY=1: only the text PDF and the 300-dpi scans against native tesseract (the
 * same-page and steady figures, measured as in a full run); no scanned-PDF, two-worker or
 * preprocessing figures. For repeated runs on a busy machine: a full run is ~3× as long.
 */
const SCANS_ONLY = process.env.OCR_BENCH_SCANS_ONLY === '1';
const SCAN_VS_NATIVE_TARGET = 1.3;

/** Invoice-like lines: names, numbers, addresses — what porting documents are made of. */
function pageLines(seed: number): string[] {
  const streets = ['North Main Street', 'Elm Avenue', 'W 34th St', 'Commerce Blvd Suite 400', 'Oak Park Road'];
  const lines = [
    `STATEMENT OF ACCOUNT  Page ${seed + 1}`,
    `Account number: ${8839 + seed}-2210-${44 + seed}`,
    `Billing telephone number: (212) 555-0${142 + seed}`,
  ];
  for (let i = 0; i < 22; i++) {
    const n = (seed * 31 + i * 17) % 97;
    lines.push(
      i % 3 === 0
        ? `${100 + n * 7} ${streets[(seed + i) % streets.length]}, Springfield IL 627${String(n).padStart(2, '0')}`
        : `Line ${i + 1}: (646) 555-${String(1000 + n * 13).slice(0, 4)}  Local service and features  $${(n * 1.37).toFixed(2)}`,
    );
  }
  return lines;
}

interface Rendered {
  png: Buffer;
  truth: string[];
}

function renderScan(
  lines: string[],
  opts: { dpi: number; skewDeg?: number; noise?: number; jpeg?: boolean; fontPt?: number },
): Rendered {
  const { dpi } = opts;
  const w = Math.round(8.5 * dpi),
    h = Math.round(11 * dpi);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  if (opts.skewDeg) {
    ctx.translate(w / 2, h / 2);
    ctx.rotate((opts.skewDeg * Math.PI) / 180);
    ctx.translate(-w / 2, -h / 2);
  }
  ctx.fillStyle = '#111';
  const px = ((opts.fontPt ?? 11) * dpi) / 72;
  ctx.font = `${px}px ${FONT}`;
  lines.forEach((l, i) => ctx.fillText(l, dpi * 0.8, dpi * 0.9 + i * px * 1.75));
  if (opts.noise) {
    const img = ctx.getImageData(0, 0, w, h);
    let s = 12345;
    const rnd = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < img.data.length; i += 4) {
      const v = Math.max(0, Math.min(255, img.data[i]! + (rnd() - 0.5) * 2 * opts.noise));
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
    }
    ctx.putImageData(img, 0, 0);
  }
  const png = opts.jpeg ? canvas.toBuffer('image/jpeg', 70) : canvas.toBuffer('image/png');
  return { png, truth: lines.flatMap((l) => l.split(/\s+/).filter(Boolean)) };
}

function wordAccuracy(truth: string[], got: string[]): number {
  const bag = new Map<string, number>();
  for (const g of got) bag.set(g, (bag.get(g) ?? 0) + 1);
  let hit = 0;
  for (const t of truth) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      hit++;
      bag.set(t, n - 1);
    }
  }
  return hit / truth.length;
}

async function textPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([612, 792]);
    pageLines(p)
      .concat(pageLines(p + 50))
      .forEach((l, i) => page.drawText(l, { x: 54, y: 740 - i * 14, size: 10, font }));
  }
  return pdf.save();
}

function hasNativeTesseract(): boolean {
  return spawnSync('tesseract', ['--version']).status === 0;
}

/** A warm page's time through the app over native tesseract's on the same page: wall and CPU. */
type Pair = { wall: number; cpu: number | null };

/**
 * Native tesseract on the bench's scans: one thread, the app's own language data (so the models
 * match), the same PNG file the app is given. `read(i)` reads page i once and keeps its times;
 * `figures` sums them up against the app's same-page ratios (`record` false: a read for the steady
 * pairs only, left out of native's medians).
 */
function nativeTesseract(tmp: string, scans: Rendered[]) {
  const tessdata = path.join(tmp, 'tessdata');
  fs.mkdirSync(tessdata);
  fs.writeFileSync(
    path.join(tessdata, 'eng.traineddata'),
    gunzipSync(fs.readFileSync(path.join(resolveTessdataDir(), TESSDATA_FILE))),
  );
  const times: number[] = [];
  const acc: number[] = [];
  // GNU time gives the child's CPU time (user + system) on stderr as its last line
  const timed = fs.existsSync('/usr/bin/time');
  const read = (i: number, record = true): { ms: number; cpuMs: number | null } => {
    const s = scans[i]!;
    const f = path.join(tmp, `scan${i}.png`);
    if (!fs.existsSync(f)) fs.writeFileSync(f, s.png);
    const args = [f, '-', '--tessdata-dir', tessdata, '-l', 'eng', '--oem', '1', '--dpi', '300'];
    const t = performance.now();
    const run = spawnSync(timed ? '/usr/bin/time' : 'tesseract', timed ? ['-f', '%U %S', 'tesseract', ...args] : args, {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const ms = performance.now() - t;
    if (run.status !== 0) throw new Error(`tesseract failed: ${run.stderr.toString().slice(-200)}`);
    if (record) times.push(ms);
    if (record) acc.push(wordAccuracy(s.truth, run.stdout.toString().split(/\s+/).filter(Boolean)));
    const cpu = timed ? run.stderr.toString().trim().split('\n').pop()!.split(' ').map(Number) : [];
    return { ms, cpuMs: cpu.length === 2 && cpu.every(Number.isFinite) ? (cpu[0]! + cpu[1]!) * 1000 : null };
  };
  const figures = (samePage: Pair[], appMs: number[], steady: Pair[]) => {
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const cpuMid = (pairs: Pair[]) => {
      const cpus = pairs.flatMap((p) => (p.cpu === null ? [] : [p.cpu]));
      return cpus.length === pairs.length ? round(mid(cpus)) : null;
    };
    // unrounded until here: `median` keeps one decimal, too coarse against a 1.3 target
    const ratio = round(mid(samePage.map((p) => p.wall)));
    return {
      median_ms: median(times),
      ratio_warm: round(median(appMs) / median(times)),
      same_page_pairs: samePage.length,
      ratio_same_page_median: ratio,
      // the same ratio in CPU time (the app's process against native's), steady under load
      cpu_ratio_same_page_median: cpuMid(samePage),
      // the same pages once more after V8 has compiled the worker's hot code (steady_pairs)
      steady_pairs: steady.length,
      ratio_steady_median: round(mid(steady.map((p) => p.wall))),
      cpu_ratio_steady_median: cpuMid(steady),
      meets_issue9_target: ratio <= SCAN_VS_NATIVE_TARGET,
      word_accuracy: round(median(acc), 3),
      tessdata: `${TESSDATA_FILE} of the app (unpacked)`,
    };
  };
  return { read, figures };
}

export async function bench() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-ocr-bench-'));
  try {
    // ---- text layer
    const pdf10 = await textPdf(10);
    let t = performance.now();
    await readDocument(pdf10);
    const textCold = (performance.now() - t) / 10;
    const textWarm: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await readDocument(pdf10);
      textWarm.push((performance.now() - t) / 10);
    }

    // ---- 300-dpi scans through the pool (one worker: the per-core figure), each warm page followed at
    // once by native tesseract on the same page, so both meet the same load from the machine's other work
    const scans = [0, 1, 2, 3].map((i) => renderScan(pageLines(i), { dpi: 300 }));
    const native = hasNativeTesseract() ? nativeTesseract(tmp, scans) : null;
    const rssBase = process.memoryUsage().rss;
    let rssPeak = rssBase;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 25);
    const pool = createOcrPool({ size: 1 });
    t = performance.now();
    const first = await readDocument(scans[0]!.png, { pool });
    const scanCold = performance.now() - t;
    const scanWarm: number[] = [];
    // CPU time of the whole process (the pool's worker threads and tesseract.js' own thread are in
    // it): on a shared machine wall time mostly measures the neighbours, CPU time the work.
    const scanWarmCpu: number[] = [];
    const samePage: Pair[] = [];
    // Laps 1 and 2 of the warm pages: V8 compiles what runs hot (tesseract's WebAssembly with
    // TurboFan, the worker's JavaScript) in background threads over the first ~4 pages a process
    // reads, ~100-150 ms CPU a page then (measured per thread, 2026-12-05), ~30-50 after; native
    // tesseract is compiled ahead of time. Lap 0 keeps counting in samePage (issue 9's figure as it
    // was measured so far); `steady` says what a page costs once that is done.
    const steady: Pair[] = [];
    const acc300: number[] = [
      wordAccuracy(
        scans[0]!.truth,
        first.pages[0]!.words.map((w) => w.text),
      ),
    ];
    // the warm pages twice over: six same-page pairs make a steadier median than three; a third lap
    // for the steady figure
    for (const round of [0, 1, 2])
      for (const [i, s] of scans.entries()) {
        if (i === 0) continue;
        t = performance.now();
        const cpu0 = process.cpuUsage();
        const r = await readDocument(s.png, { pool });
        const ms = performance.now() - t;
        const cpu = cpuMs(process.cpuUsage(cpu0));
        const n = native?.read(i, round < 2);
        const pair = n ? { wall: ms / n.ms, cpu: n.cpuMs === null ? null : cpu / n.cpuMs } : null;
        if (pair && round >= 1) steady.push(pair);
        if (round === 2) continue;
        scanWarm.push(ms);
        scanWarmCpu.push(cpu);
        if (round === 0)
          acc300.push(
            wordAccuracy(
              s.truth,
              r.pages[0]!.words.map((w) => w.text),
            ),
          );
        if (pair) samePage.push(pair);
      }
    if (SCANS_ONLY) {
      await pool.close();
      clearInterval(sampler);
      return {
        scans_only: true,
        scan_300dpi_letter: {
          cold_ms_first_page: Math.round(scanCold),
          warm_ms_per_page: median(scanWarm),
          warm_cpu_ms_per_page: median(scanWarmCpu),
          word_accuracy: round(median(acc300), 3),
        },
        native_tesseract_omp1: native
          ? native.figures(samePage, scanWarm, steady)
          : { skipped: 'tesseract CLI not installed (apt tesseract-ocr)' },
        ratio_target: SCAN_VS_NATIVE_TARGET,
        load_average: os.loadavg().map((x) => round(x, 1)),
      };
    }
    // the same scans as an image-only PDF: the render-then-OCR path
    const pdfDoc = await PDFDocument.create();
    for (const s of scans) {
      const img = await pdfDoc.embedPng(s.png);
      pdfDoc.addPage([612, 792]).drawImage(img, { x: 0, y: 0, width: 612, height: 792 });
    }
    const scannedPdf = await pdfDoc.save();
    t = performance.now();
    await readDocument(scannedPdf, { pool });
    const scannedPdfPerPage = (performance.now() - t) / scans.length;
    // what scanners write: each page one JPEG (scan-page.ts decodes it directly, not through pdfjs)
    const jpegPdfDoc = await PDFDocument.create();
    for (const s of scans) {
      const img = await loadImage(s.png);
      const c = createCanvas(img.width, img.height);
      c.getContext('2d').drawImage(img, 0, 0);
      const jpg = await jpegPdfDoc.embedJpg(c.toBuffer('image/jpeg', 80));
      jpegPdfDoc.addPage([612, 792]).drawImage(jpg, { x: 0, y: 0, width: 612, height: 792 });
    }
    const jpegPdf = await jpegPdfDoc.save();
    const cpuJpegPdf0 = process.cpuUsage();
    await readDocument(jpegPdf, { pool });
    const jpegPdfCpuPerPage = cpuMs(process.cpuUsage(cpuJpegPdf0)) / scans.length;
    await pool.close();
    const rssPeakOneWorker = rssPeak;
    await new Promise((r) => setTimeout(r, 300));
    const rssBase2 = process.memoryUsage().rss;
    rssPeak = rssBase2;

    // two workers, four pages: the machine's throughput
    const pool2 = createOcrPool({ size: 2 });
    await readDocument(scans[0]!.png, { pool: pool2 }); // start both threads' models outside the timing
    await readDocument(scans[1]!.png, { pool: pool2 });
    t = performance.now();
    await readDocument(scannedPdf, { pool: pool2 });
    const twoWorkersPerPage = (performance.now() - t) / scans.length;
    await pool2.close();
    clearInterval(sampler);

    const nativeFigures = native
      ? native.figures(samePage, scanWarm, steady)
      : { skipped: 'tesseract CLI not installed (apt tesseract-ocr)' };

    // ---- preprocessing: which steps help on degraded scans
    const degraded = {
      skewed_2deg_300dpi: renderScan(pageLines(5), { dpi: 300, skewDeg: 2, noise: 40, jpeg: true }),
      noisy_200dpi_jpeg: renderScan(pageLines(6), { dpi: 200, noise: 60, jpeg: true }),
      fax_100dpi_8pt: renderScan(pageLines(7), { dpi: 100, noise: 20, jpeg: true, fontPt: 8 }),
      web_72dpi: renderScan(pageLines(8), { dpi: 72, jpeg: true }),
    };
    const variants: Record<string, PreprocessOptions> = {
      none: { binarize: false, deskew: false, upscaleBelowDpi: 0 },
      deskew: { binarize: false, deskew: true, upscaleBelowDpi: 0 },
      binarize: { binarize: true, deskew: false, upscaleBelowDpi: 0 },
      upscale_below_150: { binarize: false, deskew: false, upscaleBelowDpi: 150 },
      default: DEFAULT_PREPROCESS,
    };
    const preprocessing: Record<string, Record<string, { word_accuracy: number; ms: number }>> = {};
    for (const [name, opts] of Object.entries(variants)) {
      const engine = new OcrEngine(opts);
      await engine.warm();
      preprocessing[name] = {};
      for (const [label, s] of Object.entries(degraded)) {
        t = performance.now();
        const r = await engine.run({ kind: 'image', bytes: s.png, mime: 'image/jpeg', frame: 0 });
        preprocessing[name]![label] = {
          word_accuracy: round(
            wordAccuracy(
              s.truth,
              r.words.map((w) => w.text),
            ),
            3,
          ),
          ms: Math.round(performance.now() - t),
        };
      }
      await engine.close();
    }

    return {
      text_pdf: { cold_ms_per_page: round(textCold, 1), warm_ms_per_page: median(textWarm), target_ms_per_page: 100 },
      scan_300dpi_letter: {
        cold_ms_first_page: Math.round(scanCold),
        warm_ms_per_page: median(scanWarm),
        warm_cpu_ms_per_page: median(scanWarmCpu),
        image_only_pdf_ms_per_page: Math.round(scannedPdfPerPage),
        jpeg_scan_pdf_cpu_ms_per_page: Math.round(jpegPdfCpuPerPage),
        two_workers_ms_per_page: Math.round(twoWorkersPerPage),
        word_accuracy: round(median(acc300), 3),
      },
      native_tesseract_omp1: nativeFigures,
      // issue 9: a scan page through the app's pool ≤ 1.3× native tesseract on the same page
      ratio_target: SCAN_VS_NATIVE_TARGET,
      rss_mb: {
        before_pool: Math.round(rssBase / 1e6),
        peak_one_worker: Math.round(rssPeakOneWorker / 1e6),
        growth_one_worker: Math.round((rssPeakOneWorker - rssBase) / 1e6),
        peak_two_workers: Math.round(rssPeak / 1e6),
        growth_two_workers: Math.round((rssPeak - rssBase2) / 1e6),
      },
      preprocessing,
      load_average: os.loadavg().map((x) => round(x, 1)),
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (startedAsScript(import.meta.url)) {
  console.log(JSON.stringify(await bench(), null, 2));
}
