import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind, ExtractedFields, PageText } from '../../shared/domain/document.js';
import { CORE_FIELDS } from '../fixtures/generator/evaluate.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom, type RandomFixture } from '../fixtures/generator/random.js';
import { fieldCorrect } from '../fixtures/generator/score.js';
import { POOLS, TAGS } from '../fixtures/generator/vocab.js';

export interface ReadGenerated {
  f: RandomFixture;
  pages: PageText[];
  got: ExtractedFields;
  truth: Record<string, unknown>;
}

/**
 * A generated document as the app meets it: rendered to a real text PDF, read by the document reader,
 * its fields extracted as the kind it was drawn as.
 */
export async function readGenerated(f: RandomFixture): Promise<ReadGenerated> {
  const doc = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
  return {
    f,
    pages: doc.pages,
    got: extractFields(doc.pages, f.kind as DocumentKind).fields,
    truth: f.truth as Record<string, unknown>,
  };
}

/** The fields a generated document prints that the reading got wrong (as `cli.ts score` counts them). */
export const wrongFields = (f: RandomFixture, got: ExtractedFields) =>
  CORE_FIELDS.filter((k) => f.truth[k] !== undefined && !fieldCorrect(k, f.truth, got));

const foldWording = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();

/**
 * How many of the test-only label wordings (vocab.ts, nine letters or more) a dev stand-in's document
 * prints: a stand-in that printed one would let the dev draw tune on the test seeds' wordings. A count,
 * not the wordings — the test-only list is not printed.
 */
export function testOnlyWordingsPrinted(family: string, seed: number): number {
  const testOnly = [...Object.values(POOLS), ...Object.values(TAGS)]
    .flatMap((p) => [...p.test])
    .map(foldWording)
    .filter((l) => l.length >= 9);
  const f = generateRandom(seed, { family });
  const text = foldWording(f.pages.flatMap((p) => p.words.map((w) => w.text)).join(' '));
  return testOnly.filter((l) => text.includes(l)).length;
}
