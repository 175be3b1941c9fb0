import type { MovedBox, Word } from '../../../shared/domain/document.js';

export type { MovedBox };

/** One page to OCR. PDF pages are rendered inside the worker so rasterising stays off the core's thread. */
export type OcrTask =
  | { kind: 'image'; bytes: Uint8Array; mime: 'image/png' | 'image/jpeg' | 'image/tiff'; frame: number }
  /** docKey: the same for every page of one read, so a worker parses the PDF once */
  | { kind: 'pdf-page'; bytes: Uint8Array; page: number; docKey: string };

/** Words already in PDF points, top-left origin, conf 0..1. */
export interface OcrPageResult {
  width: number;
  height: number;
  words: Word[];
  /** words read where a preprocessing step moved them (PageText.moved) */
  moved?: MovedBox[];
  /** set when only part of the page could be read, saying why ("the image ends at row 304 of 704 …") */
  partial?: string;
  /** the page was fed sideways or upside down: degrees clockwise to turn it upright (PageText.orientation) */
  orientation?: 90 | 180 | 270;
  /** milliseconds spent rendering/decoding + preprocessing, and recognising */
  prepareMs: number;
  recognizeMs: number;
}

export interface OcrPool {
  recognize(task: OcrTask, signal?: AbortSignal): Promise<OcrPageResult>;
  readonly size: number;
  close(): Promise<void>;
}
