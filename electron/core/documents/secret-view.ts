import { MASKED_VALUE, type DocumentField } from '../../../shared/contract/documents.js';
import {
  SECRET_FIELD_NAMES,
  type BBox,
  type ExtractedFields,
  type PageText,
  type Word,
} from '../../../shared/domain/document.js';

/**
 * What a screen may see of a document's secrets (the PIN): the field's value and the value as read
 * become MASKED_VALUE (evidence page and box kept, so the person can still find it), and the words
 * that spell it on the page view become dots. The core keeps using the real values (comparison,
 * porting); documents.revealField hands one over when the person asks.
 */
export function maskSecretField(f: DocumentField): DocumentField {
  if (!SECRET_FIELD_NAMES.has(f.field)) return f;
  return {
    ...f,
    value: f.value === null || f.value === undefined ? f.value : MASKED_VALUE,
    extracted: f.extracted ? { ...f.extracted, value: f.extracted.value === null ? null : MASKED_VALUE } : null,
  };
}

/**
 * Extraction results as printed for a person (the CLI): each secret's value, and the value of each
 * of its ranked candidates, becomes MASKED_VALUE; confidence, page and box are kept.
 */
export function maskSecretExtractedFields(fields: ExtractedFields): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const [name, fv] of Object.entries(fields)) {
    if (!fv || !SECRET_FIELD_NAMES.has(name)) continue;
    out[name] = {
      ...fv,
      value: fv.value === null ? null : MASKED_VALUE,
      ...(fv.candidates
        ? { candidates: fv.candidates.map((c) => ({ ...c, value: c.value === null ? null : MASKED_VALUE })) }
        : {}),
    };
  }
  return out;
}

/** Where a secret was read and what it says: the words to hide. */
export interface SecretSpot {
  page: number | null;
  bbox: BBox | null;
  text: string;
}

/** A secret as it is matched wherever it is written: letters and digits only, in any case ("730-519" = "730519"). */
export const secretSpelling = (s: string) => s.replace(/[^0-9a-z]/gi, '').toLowerCase();
const spot = (v: { value: unknown; page: number | null; bbox: BBox | null }): SecretSpot => ({
  page: v.page,
  bbox: v.bbox,
  text: typeof v.value === 'string' ? secretSpelling(v.value) : '',
});

function secretSpots(fields: DocumentField[]): SecretSpot[] {
  return fields
    .filter((f) => SECRET_FIELD_NAMES.has(f.field))
    .flatMap((f) => [
      spot({ value: f.value, page: f.page, bbox: f.bbox }),
      ...(f.extracted ? [spot(f.extracted)] : []),
    ]);
}

/** The secrets extraction found, before they are stored. */
export function secretSpotsOfExtracted(fields: ExtractedFields): SecretSpot[] {
  return Object.entries(fields)
    .filter(([name, fv]) => fv && SECRET_FIELD_NAMES.has(name))
    .map(([, fv]) => spot(fv!));
}

/** Most of the word lies inside the box (OCR boxes of a value and of its words differ by a few points). */
function mostlyInside(word: BBox, box: BBox): boolean {
  const w = Math.max(0, Math.min(word[2], box[2]) - Math.max(word[0], box[0]));
  const h = Math.max(0, Math.min(word[3], box[3]) - Math.max(word[1], box[1]));
  const area = (word[2] - word[0]) * (word[3] - word[1]);
  return area > 0 ? (w * h) / area >= 0.5 : w > 0 && h > 0;
}

/** A word spells the secret when it is the secret, or (for secrets long enough not to occur by chance) contains it. */
function spellsSecret(word: string, secrets: string[]): boolean {
  const w = secretSpelling(word);
  return w !== '' && secrets.some((s) => s !== '' && (w === s || (s.length >= 4 && w.includes(s))));
}

function maskWord(w: Word): Word {
  return { ...w, text: '•'.repeat(Math.max(1, w.text.length)) };
}

/** The pages with each word that is part of a secret (in its evidence box, or spelling it anywhere) passed through `hide`. */
export function hideSecretWords(pages: PageText[], spots: SecretSpot[], hide: (w: Word) => Word): PageText[] {
  if (spots.length === 0) return pages;
  const secrets = [...new Set(spots.map((s) => s.text))];
  return pages.map((p) => {
    const boxes = spots.filter((s) => s.page === p.page && s.bbox).map((s) => s.bbox!);
    let changed = false;
    const words = p.words.map((w) => {
      if (!boxes.some((b) => mostlyInside(w.bbox, b)) && !spellsSecret(w.text, secrets)) return w;
      changed = true;
      return hide(w);
    });
    return changed ? { ...p, words } : p;
  });
}

/** The pages with every word of a secret replaced by dots, for a screen. */
export function maskSecretWords(pages: PageText[], fields: DocumentField[]): PageText[] {
  return hideSecretWords(pages, secretSpots(fields), maskWord);
}
