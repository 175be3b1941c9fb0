/*
 * OCR tuning, apart from the engine so the core can configure a pool without loading tesseract.js
 * or the canvas module on its own thread.
 */
export interface PreprocessOptions {
  /** threshold with Otsu before OCR (tesseract thresholds too; measured in the bench) */
  binarize: boolean;
  /** straighten pages rotated by up to ±5° */
  deskew: boolean;
  /** images whose resolution is below this are upscaled 2× (LSTM wants ~20 px x-height) */
  upscaleBelowDpi: number;
}

/**
 * Kept because test/bench/ocr.bench.ts measured them helping: deskew (2° skewed scan: 92% → 98% of
 * words) and 2× upscaling under 150 dpi (100 dpi, 8 pt: 83% → 100%; 72 dpi: 50% → 100%). Otsu
 * binarisation never helped (tesseract thresholds internally) and cost ~15% in time: off.
 */
export const DEFAULT_PREPROCESS: PreprocessOptions = { binarize: false, deskew: true, upscaleBelowDpi: 150 };
