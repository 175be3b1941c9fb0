/*
 * OCR tuning, apart from the engine so the core can configure a pool without loading tesseract.js
 * or the canvas module on its own thread.
 */
export interface PreprocessOptions {
  /** threshold with Otsu before OCR (tesseract thresholds too; measured in the bench) */
  binarize: boolean;
  /** straighten pages rotated by up to ±maxSkewDeg */
  deskew: boolean;
  /** the largest skew deskew looks for, degrees (default 5) */
  maxSkewDeg?: number;
  /** images whose resolution is below this are upscaled 2× (LSTM wants ~20 px x-height) */
  upscaleBelowDpi: number;
  /** flatten uneven lighting and copier borders, on pages whose paper is uneven (evenLighting) */
  evenLighting?: boolean;
  /**
   * pages whose first read looks wrong (under half the words plausible) are tried turned 90/180/270°
   * on a half-size copy and read again the way that read best; the page says which way is up
   */
  orientation?: boolean;
  /**
   * Table rules, boxes and underlines (removeRules): 'replace' lightens them before the one pass;
   * 'fill-gaps' reads the page as it is, then once more without its rules when it has some, and
   * adds the words the first pass missed.
   */
  rules?: 'off' | 'replace' | 'fill-gaps';
  /** page segmentation of the 'fill-gaps' read: '3' automatic, '11' sparse text (finds lone form values) */
  gapPsm?: '3' | '6' | '11';
  /** 'fill-gaps' also replaces a first-read word under this confidence by the second read's words over it */
  replaceBelowConf?: number;
  /** page segmentation of the main read: '3' automatic (the CLI's default), '6' one block (tesseract's API default), '11' sparse text */
  psm?: '3' | '6' | '11';
  /** erase light-gray table rules before reading (eraseFaintRules) */
  faintRules?: boolean;
  /** erase dot leaders between labels and values before reading (dot-leaders.ts) */
  dotLeaders?: boolean;
  /**
   * words read under this confidence (0..1) are read once more, each run of them with a little of its
   * line, at twice the size as one line, and the surer reading kept (0: off; engine.ts rereadRun)
   */
  rereadBelowConf?: number;
  /** at most this many runs a page are read again (the unsurest first); default 12 */
  rereadMaxRuns?: number;
  /**
   * at most this many number-like words a page (phone pieces, dates, ZIPs) that read unsure or
   * without a number's shape are read again alone with a digit whitelist (digit-reread.ts; 0: off)
   */
  digitRereads?: number;
  /**
   * at most this many stretches of print-sized ink a page that no word of the read covers (a value
   * tesseract's layout left out) are read alone as one line and their words added (unread-ink.ts; 0: off)
   */
  inkRereads?: number;
  /** make the dots of dotted zeros paper before reading (zero-dots.ts: read as 8 otherwise) */
  zeroDots?: boolean;
  /** make the boxes and ticks of comb fields (one character a box) paper before reading (comb-boxes.ts) */
  combBoxes?: boolean;
  /** make a rule struck through print (a caption on its box's edge) paper between the letters' strokes (struck-rules.ts) */
  struckRules?: boolean;
  /** drop words a level line is drawn through (a typed value struck out by hand; struck-rules.ts findStrikeLines) */
  struckWords?: boolean;
  /** turn white captions on dark filled bands into dark print on paper before reading (reverse-video.ts) */
  reverseVideo?: boolean;
  /** cut a box's edge read as a word's first character off it ("180527" for "|80527"; glued-rules.ts) */
  gluedRules?: boolean;
  /** cut a speck read before a number off it ("~.559.555.0120"), read a "§" alone before a word as S (mark-slips.ts) */
  markSlips?: boolean;
  /** tesseract's own binarisation: 0 global Otsu, 1 tiled Otsu, 2 Sauvola (local) */
  thresholding?: 0 | 1 | 2;
}

/**
 * Kept because test/bench/ocr.bench.ts measured them helping: deskew (2° skewed scan: 92% → 98% of
 * words) and 2× upscaling under 150 dpi (100 dpi, 8 pt: 83% → 100%; 72 dpi: 50% → 100%). Otsu
 * binarisation never helped (tesseract thresholds internally) and cost ~15% in time: off.
 * test/bench/ocr-quality.bench.ts (12 bad scans: generated forms, ruled/gray-cell tables, Courier,
 * and the 3 held-out scans), same code, one run each:
 * - automatic page segmentation (PSM 3) instead of tesseract's API default of one block (PSM 6):
 *   word recall 0.952 → 0.978, extracted fields 90 → 94 of 98; ruled tables with gray label cells
 *   were dropped whole in one block (csr-table: recall 0.74 → 1.0). Kept.
 * - sparse text (PSM 11) as the only read: 0.967, fields 88/98 (lines split apart). Rejected.
 * - Sauvola thresholding inside tesseract (measured on the one-block read): 0.952 → 0.938. Rejected.
 * - rules removed before the one read ('replace'): 0.973, fields 91/98 (lone values such as a date
 *   in a box lose the box that made tesseract see them). Rejected.
 * - 'fill-gaps' with a sparse-text second read: 0.979, fields 96/98, but each ruled page is read
 *   twice (~2× time, past the 1.5× of native tesseract). Off; available for a slow, careful mode.
 * - every page upscaled 2×: 0.874, fields 62/98 and 2.4× time. Rejected.
 * - light-gray rules erased before the one read (faintRules, eraseFaintRules; dark rules kept): generated
 *   dev scans (seeds 30000–30039, same OCR otherwise) lost table rows 3 times in 40 without it (a
 *   CSR's TN table read as "sigan ISDN Sy"); with it those rows come back; ~0.2 s CPU a page. Kept.
 * Real office scans (the harsh dev profile, test/fixtures/generator/README.md): pages fed sideways or
 * upside down (orientation), skew past 5° (maxSkewDeg 10), uneven lighting and copier borders
 * (evenLighting). Each runs only on a page that needs it, so clean pages cost what they did.
 * 150–200-dpi images are NOT resized to 300 dpi: they read worse so (engine.ts finish).
 * Digit re-reads (digitRereads, digit-reread.ts; cli.ts score, ordinary scans, 2026-12-04): dev seeds
 * 1–40 240 → 243 of 258 fields (two phone lists whole, a date), test 30 188 → 190 of 199; ~2 words
 * a page read again, ~0.1 s a page (wall, machine loaded: ~1–3% of a page's read).
 * Unread ink (inkRereads, unread-ink.ts) with the unsure-run fixes (engine.ts: print-sized words read at
 * almost 0%, one reading per place of two crops; cli.ts score, ordinary scans, 2026-12-04): dev seeds
 * 1–40 247 → 253 of 259 fields (an account number left out of the read, one read under a 4% caption,
 * one doubled by two crops; a unit, a ZIP and a unit line left out), test 30 190 → 190 of 199, harsh
 * dev 20 79 → 79 of 128 (two addresses and a phone list closer, one account number now read with a
 * digit slip, at 0.85). Cost: on dev seeds 1, 3–5, 9–12 (9 pages) 5 stretches read again (0.56 a
 * page, each one crop read like an unsure run's), no word kept; unsure runs 29 (3.2 a page, cap 12).
 * Then word boxes cut back where tesseract ran one over the next words (engine.ts clipOverreach) and
 * unread-ink words kept under the digit re-read's bar: dev 40 253 → 254 (a PIN under "PORT-OUT PIN"),
 * test 30 190 → 192 of 199 (96.5%), harsh dev 20 79 → 80 of 128 (none wrong at 0.9 or more).
 * Measured (cli.ts score, 40 dev seeds as scans, 2026-12-03, loaded machine): harsh scans 35.4% → 54.9%
 * of fields; ordinary test scans (30) 94.5% → 94.5%, field for field, median read time not up.
 * Speed (issue 9: a 300-dpi scan ≤ 1.3× native tesseract; CPU time, the bench's 4 letter pages,
 * medians, 2026-12-03): tesseract.js' recognition alone is ~1.2× native (3.8 vs 3.1 s); what the
 * engine adds was ~0.8 s a page and is now ~0.4: eraseFaintRules 190 → 11 ms (it tests only every
 * minRun-th pixel for the start of a run, same output), the page handed to tesseract as TIFF, not
 * PGM (Leptonica's reading 0.2 → 0.08 s, same words). Left: PNG decode ~0.16 s (Skia), skew ~0.07.
 * Output format: TSV instead of tesseract.js' blocks (same words, boxes and whole-number confidences on
 * 11 pages, 4 bench + 7 dev scans) is ~2% less CPU a page (the blocks' ~440 KB JSON built, parsed and
 * passed between threads; ABBA runs on a loaded machine, 2026-12-04). tessedit_do_invert: no change.
 * Per step, CPU ms a page, 2026-12-03 17:00–17:30, machine loaded (load average 14–19 on 2 cores,
 * so ±30%): the bench's 300-dpi PNG pages (3) / 5 dev scans (cli.ts random --seeds
 * 101,202,303,404,505 --scans, image-only PDFs):
 *   decode 41–53 / pdfjs render 783–1166 (now scan-page.ts: Skia 290–509, same pixels ±1 level);
 *   gray 77–108 (PDF: in the render); evenLighting 28–30 / 6–28; skew 63–161 / 96–158;
 *   faint rules 22–71 / 15–41; toTiff 5–8; recognition 3807–4518 / 1635–3540; second read of
 *   unsure runs 0–69 (0–1 runs) / 65–371 (1–7 runs); words from blocks under 2.
 * Recognition alone (tesseract.js, same TIFF, blocks out) against native tesseract 5.3 on the same
 * page, CPU, 6 reads: 1.53–1.63× (text out: 1.56×); the relaxed-SIMD core (node
 * --experimental-wasm-relaxed-simd; Electron 45 has it on by default) no faster in Node 20. Native
 * uses AVX2/AVX-512 for the int8 LSTM, WASM 128-bit SIMD: on this machine recognition alone is past
 * issue 9's 1.3×, whatever the preprocessing costs (~0.3 s, ~8% of a page).
 * Where a warm bench page's CPU goes (2026-12-04, Node 22, the core driven directly, ms): the TIFF
 * read 13–50, layout analysis (FindLines) ~270, recognition ~1350, words out (JSON) ~30; native
 * tesseract (OMP_THREAD_LIMIT=1, same TIFF): start and model ~80, layout ~270, recognition ~750, so
 * layout costs the same and the LSTM ~1.8× (native's int8 matrix code is AVX2: with its
 * dotproduct=sse it takes 1.75 s for the whole page, dotproduct=generic 4 s). Native on the bench's
 * RGBA PNG spends ~0.4 s more than on the TIFF (decoding, RGBA to gray): against that the page is
 * ~1.3× in CPU (~1.9–2.0 s against ~1.5 s); against native on the TIFF it would be ~1.75×. The relaxed-SIMD and SIMD cores, and their LSTM-only builds, read at the
 * same speed; tessedit_do_invert, paragraph_text_based, textord_tabfind_find_tables change nothing
 * measurable, nor V8's --experimental-wasm-revectorize or --wasm-simd-ssse3-codegen. What the app
 * adds around the core (decode, gray, checks, threads, copies) is ~0.2–0.3 s a page: toGray with
 * Skia's deferred drawing ~70, skew ~25, GC ~30, the image copied four times on its way into the
 * WASM heap (tesseract.js' loadImage, postMessage, its FS, Leptonica) ~25. Re-reading unsure runs:
 * 0–1 run on the bench's pages (~30 ms), 0–12 on dev scans (~27 ms a run, up to ~340 ms a page).
 * Where a warm bench page's CPU went (2026-12-04 evening, Node 22, per thread, steady pages): tesseract's
 * thread ~1.65–1.7 s (the main read; 3–7 digit re-reads, ~12 ms each: the bench's ZIPs are mostly no
 * ZIPs of Springfield, so each is read again), the OCR worker ~150 ms, V8's GC helper threads ~110–150
 * ms: the worker (its heap holds the ZIP table) collected in full twice a page, set off by each page's
 * new 33 MB canvas and the 8 MB page image copied three times into tesseract. The canvas now kept
 * between pages of one size and the page image PackBits-compressed (toTiff: 8.4 MB → ~0.5 MB, the same
 * pixels, the same words) take ~40–70 ms a page off (GC helpers ~150 → ~110 ms; bench CPU ratio 1.36 →
 * 1.33 in one run). Re-reads batched into one recognize call do not pay: seven ZIP crops stacked
 * (PSM 6) cost what seven calls do (the cost is per line, not per call), and read less surely;
 * side by side as one line (PSM 7) they run together. Otsu's histogram four pixels a load, unreadInk's
 * ink cells without a division a pixel and the skew search's rounding hoisted: the same output, ~15 ms.
 * Per thread (2026-12-05, /proc task CPU, the bench's pages 1–3 three times through a one-worker pool,
 * machine loaded): tesseract's thread ~1.63 s without digit re-reads, ~1.69 s with them (the page's
 * main read alone is ~1.1× native tesseract's whole run: the floor); the OCR worker ~145 ms (unread ink
 * ~30 of it, none read again); V8's GC helpers ~75 ms; Skia's PNG decode (libuv) ~20 ms. Digit re-reads
 * are ~90 ms a page in all (ratio 1.27 → 1.22 without them): one ten-digit account number and 2–6 ZIPs
 * of no place beside "Springfield IL", each a real doubt (a ZIP of the city is one digit away). Each
 * re-read is LSTM work (~13 ms CPU for a ZIP crop; a blank 8×8 image still ~6 ms), so batching or
 * smaller crops do not pay. The worker's young generation at 16 or 64 MB (resourceLimits) changed
 * neither its CPU nor the GC helpers'; tessedit_do_invert off changes nothing on printed crops.
 * A re-read that cannot change the word (slipCouldChange: no reading one character away would be
 * taken, e.g. a 13-digit account number) is no longer made: 12 dev scan pages 26 → 19 digit re-reads,
 * the same words, boxes and confidences on every page.
 * Dot leaders erased (dotLeaders, dot-leaders.ts; cli.ts score, 2026-12-05): csr-webtable dev seeds 1–8
 * scans 49 → 52 of 55 (account name, account number and PIN no longer glued to the dots), unseen seeds
 * 1001–1008 52 → 52 of 54, dev 20 118 → 118 of 128 field for field, csr-greenbar 1–4 24 → 24 of 28,
 * test 30 192 → 192 of 199. ~17–20 ms a 300-dpi page (warm); bench CPU ratio 1.35 → 1.33 (noise).
 * Per thread again (2026-12-05 night, /proc task CPU, the bench's pages 1–3 through a one-worker pool,
 * load average 10–18 on 2 cores): V8's background threads (named "node", besides the isolates' own)
 * spend ~100–160 ms a page on the first four warm pages and ~30–50 after: they compile what runs hot
 * (tesseract's WebAssembly tiered up to TurboFan, the worker's JavaScript). With
 * --no-wasm-dynamic-tiering (all of it compiled by TurboFan at start: a process-wide flag, and the
 * whole module's compile moved onto the first page) the early pages still pay ~90–130 ms: rejected.
 * The bench's warm pages 2–7 are mostly those pages (CPU ratio ~1.30–1.38 on them, ~1.18–1.28 from
 * the fifth page on), so it now also reports a steady figure (a third lap). The same threads under
 * --single-threaded-gc kept their CPU: little of it is garbage collection. In the OCR worker (~155 ms a
 * page): the PNG decoded by Skia ~42 ms (libuv), drawn onto the canvas ~32, gray ~20–30, unread ink's
 * cells ~17, dot leaders' blobs ~13, skew ~20, PackBits ~14. Now the gray page is drawn into the last
 * page's array, dot leaders and unread ink share one histogram, unread ink skips paper four pixels a
 * load and dot leaders keep their run table: ~160 → ~140 ms, the same words, boxes and confidences
 * on 14 dev scan pages and the bench's 3. Drawing with 'copy' instead of onto white: 2× slower.
 * Progress messages from tesseract.js' thread: 26 a page, ~8 a re-read (negligible).
 * npm run bench -- ocr, 3 runs each, this code and the code before (0637363) run side by side, load
 * average 7–16: CPU ratio same page 1.36 (1.38/1.36/1.34) against 1.37 (1.44/1.37/1.37), steady
 * 1.28 (1.31/1.28/1.26) against 1.28 (1.31/1.28/1.28): the ~20 ms a page is under the noise; issue
 * 9's 1.3 is met in wall time and, once V8's compiling is done, in CPU time, not on the early pages.
 * Per thread (2026-12-05 morning, /proc schedstat, the bench's pages through a one-worker pool, load
 * average 12–26 on 2 cores): a steady page ~1.75–1.85 s CPU: tesseract's thread ~1.50–1.62 s (its
 * main read ~1.46–1.53 s, about native tesseract's whole run; each re-read ~11 ms, ~6 of them fixed
 * cost), the OCR worker ~130 ms, V8's background threads ~40 (~100–160 on the first warm pages),
 * Skia's PNG decode ~25. --wasm-tiering-budget 13 M → 1 M (tesseract's functions tiered up during
 * the first page): warm pages 1–3 1.99/1.89/1.82 s CPU against 1.96/1.84/1.85 without it (run side by
 * side): rejected. What else the early pages carry is the worker's own JavaScript optimised by
 * TurboFan (toGray, estimateSkew, blobsOf each compiled two or three times, on-stack and whole).
 * A new worker (recycled after 40 pages, a second one, one started after idleness) compiled
 * tesseract's 3.4 MB of WebAssembly again: its first page 3.6 s CPU, ~1.1 s of it compiling. The
 * pool now holds the compiled module (pool.ts compileTesseractCore) and V8 hands each new worker
 * that code, tiered up as the earlier workers left it: ~2.8–3.0 s (RECYCLE 2, the bench's pages).
 * toGray reads the canvas as drawn over white (alpha) instead of Skia filling it white first: fill,
 * draw and gray 56 → 49 ms a page, the same bytes. npm run bench -- ocr, this code and the code before
 * (c3bebca) side by side, 3 runs (the first full, then OCR_BENCH_SCANS_ONLY), load average 20–34:
 * CPU ratio same page 1.39 (1.41/1.39/1.31) against 1.36 (1.39/1.36/1.34), steady 1.31
 * (1.34/1.31/1.25) against 1.29 (1.33/1.29/1.20), wall 1.23 against 1.21: under the noise. In CPU
 * time issue 9's 1.3 is not met here: the main read alone is about native's whole run, and what is
 * around it (re-reads ~60–90 ms, the worker's passes ~130, V8 ~40, decode ~25) is ~15–20% more.
 * Struck rules and glued rules (struck-rules.ts, glued-rules.ts) and junk boxed over two lines given to
 * the unread-ink pass (unread-ink.ts stackedJunk; cli.ts score, dev seeds 30601–30640 as scans, 46
 * stand-ins, 2026-12-06): 244 → 247 of 262 fields, none lost. eraseStruckRules ~10 ms CPU a 300-dpi page
 * (median of 16 dev scan pages, warm; 18 at most), the glued-rule check a few column reads a word that
 * starts with "1", "l", "I" or "|".
 * Digit re-reads under 90 (was 85) and two fitting readings settled by a third at 3× (digit-reread.ts
 * settleTwoReadings), a state before its ZIP read through its lookalikes (mark-slips.ts; cli.ts score,
 * dev seeds 35001–35040 as scans, 54 stand-ins, 2026-12-07): 247 → 251 of 267 fields with the layout's
 * unsure words among print (lines.ts), dev 9001–9040 252 → 252 of 263, test 100 scans 640 → 642 of 666;
 * OCR_BENCH_SCANS_ONLY CPU ratio same page 1.31 → 1.33, steady 1.26 → 1.23 (one run each, loaded).
 * Mark slips of a state before its ZIP, a "+1" read "41" and an ordinal street, and unread ink that echoes
 * a word's letter left out of its box (scan45; dev seeds 39401–39440 as scans, 58 stand-ins, 2026-12-07):
 * 243 → 247 of 260 fields with the layout's comma gap, dev 9001–9040 250 → 250 of 265, test 100 scans
 * 642 → 642 of 666; OCR_BENCH_SCANS_ONLY CPU ratio same page 1.22 → 1.24, steady 1.21 → 1.22 (one run
 * each, side by side on a loaded machine).
 * Scans printed in faces other than Liberation (scan46; cli.ts score --typefaces other, 62 stand-ins,
 * 2026-12-07): a number's hyphen or parenthesis read as a lookalike mark ("2738~71", "{937)") read as
 * that punctuation (mark-slips.ts), and a dot leader's chain bridging a dot the scan lost (dot-leaders.ts:
 * URW Gothic's small, faint periods): dev seeds 40901–40940 239 → 241 of 261 fields (the leader of a
 * dot-leader CSR now erased whole: its captions read clean, the fields still missed by extraction).
 * Dark fills under uneven lighting and caption cells under a band (scan49; cli.ts score --family
 * inv-watermark, dev seeds 45501–45530, 2026-12-08): evenLighting took a caption band's own grey for
 * its paper (the band became paper, its white caption a smear) or wiped it as a copier border; a fill
 * inside the page now takes its paper from the blocks round it (preprocess.ts paperUnderFills).
 * Reverse video now turns a column of caption cells under a band (a band and the cell under it, a
 * caption cell and its tinted value cell parted), keeps an L of band and caption column (most cells in
 * inch-long runs) and counts a watermark's broad light stroke across a band as fill. Harsh scans 110 →
 * 116 of 165 (66.7% → 70.3%); ordinary scans of the same seeds 157 of 165 after (95.2%). The band step
 * ~22 ms a 300-dpi page with bands (as before), ~45 ms a harsh one. OCR_BENCH_SCANS_ONLY after: wall ratio same page 1.29, CPU 1.37, steady 1.20 / 1.32 (load 11–17).
 * Struck words (strike49b; struck-rules.ts findStrikeLines + drawing.ts withoutStruck, 2026-12-08): a pen
 * line through a typed value found before the struck-rule step; cli.ts score --family loa-corrected, dev
 * seeds 46201–46230 as scans: 173 → 201 of 223 fields, none at >= 0.9 wrong; a dev sample across families
 * (46231–46250, 72 stand-ins) 124 → 124 of 128. Making the found lines paper as well (so a struck word
 * reads clean and a pen line's tail is not read as a hyphen) lost a line found only in part: not shipped.
 */
export const DEFAULT_PREPROCESS: PreprocessOptions = {
  binarize: false,
  deskew: true,
  maxSkewDeg: 10,
  upscaleBelowDpi: 150,
  evenLighting: true,
  orientation: true,
  psm: '3',
  faintRules: true,
  dotLeaders: true,
  zeroDots: true,
  combBoxes: true,
  struckRules: true,
  struckWords: true,
  reverseVideo: true,
  gluedRules: true,
  markSlips: true,
  rereadBelowConf: 0.8,
  digitRereads: 12,
  inkRereads: 8,
};
