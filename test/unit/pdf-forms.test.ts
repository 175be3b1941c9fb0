import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { openPdf } from '../../electron/core/documents/pdf.js';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { DEFAULT_PREPROCESS, OcrEngine, renderPageGray } from '../../electron/core/ocr/engine.js';
import type { BBox, PageText } from '../../shared/domain/document.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Fillable LOAs (AcroForm) sent back unflattened: the typed values live in widget annotations, not in
 * the page's content, so a text-layer read alone sees a blank form. Names and numbers written for this
 * test.
 */

interface FormSpec {
  values?: Partial<Record<'name' | 'btn' | 'account' | 'pin' | 'street' | 'csz' | 'signer' | 'date', string>>;
  numbers?: string;
  full?: boolean;
  /** draw each value into the page content as well (a flattened copy sitting under the field) */
  printValues?: boolean;
  /** flatten the form with pdf-lib: the values become page content, no fields left */
  flatten?: boolean;
  /** leave the appearances out and set NeedAppearances (pdfjs builds them) */
  needAppearances?: boolean;
}

const ROWS: [key: keyof NonNullable<FormSpec['values']>, label: string][] = [
  ['name', 'Business Name:'],
  ['btn', 'Billing Telephone Number:'],
  ['account', 'Account Number:'],
  ['pin', 'Account PIN:'],
  ['street', 'Service Address:'],
  ['csz', 'City, State, ZIP:'],
  ['signer', 'Authorized Signer:'],
  ['date', 'Date:'],
];

/** Field rects (PDF space, bottom-left origin) by field name, to check where words land. */
type Rects = Map<string, { x: number; y: number; width: number; height: number }>;

async function fillableLoa(spec: FormSpec): Promise<{ bytes: Uint8Array; rects: Rects }> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const form = pdf.getForm();
  const rects: Rects = new Map();
  page.drawText('LETTER OF AGENCY - NUMBER PORT REQUEST', { x: 50, y: 740, size: 13, font: bold });
  page.drawText('Customer information as it appears on the current carrier bill.', { x: 50, y: 722, size: 9, font });
  let y = 690;
  for (const [key, label] of ROWS) {
    page.drawText(label, { x: 50, y: y + 5, size: 10, font });
    const rect = { x: 200, y, width: 300, height: 18 };
    addText(page, font, form, key, rect, spec.values?.[key], spec.printValues);
    rects.set(key, rect);
    y -= 28;
  }
  page.drawText('Type of port:', { x: 50, y: y + 3, size: 10, font });
  for (const [name, x, on] of [
    ['full', 200, spec.full === true],
    ['partial', 300, spec.full === false],
  ] as const) {
    const box = form.createCheckBox(name);
    box.addToPage(page, { x, y, width: 12, height: 12 });
    if (on) box.check();
    page.drawText(name === 'full' ? 'Full port' : 'Partial port', { x: x + 16, y: y + 2, size: 10, font });
    rects.set(name, { x, y, width: 12, height: 12 });
  }
  y -= 40;
  page.drawText('Telephone numbers to port:', { x: 50, y: y + 5, size: 10, font });
  const numbers = form.createTextField('numbers');
  numbers.enableMultiline();
  if (spec.numbers) numbers.setText(spec.numbers);
  numbers.addToPage(page, { x: 200, y: y - 60, width: 300, height: 78, font, borderWidth: 1 });
  rects.set('numbers', { x: 200, y: y - 60, width: 300, height: 78 });
  page.drawText('Signature:', { x: 50, y: y - 100, size: 10, font });
  if (spec.flatten) form.flatten();
  if (spec.needAppearances) form.acroForm.dict.set(pdf.context.obj('NeedAppearances'), pdf.context.obj(true));
  const bytes = await pdf.save({ updateFieldAppearances: !spec.needAppearances });
  return { bytes, rects };
}

function addText(
  page: PDFPage,
  font: PDFFont,
  form: ReturnType<PDFDocument['getForm']>,
  name: string,
  rect: { x: number; y: number; width: number; height: number },
  value: string | undefined,
  print?: boolean,
): void {
  const field = form.createTextField(name);
  if (value) field.setText(value);
  field.addToPage(page, { ...rect, font, borderWidth: 1 });
  field.setFontSize(10);
  if (value && print) page.drawText(value, { x: rect.x + 2, y: rect.y + 5, size: 10, font });
}

const FILLED: FormSpec = {
  values: {
    name: 'Bayshore Pediatric Dentistry PLLC',
    btn: '(727) 555-0188',
    account: '8841 2207 5531',
    pin: '4471',
    street: '2250 Gulf Blvd Suite 4',
    csz: 'Indian Rocks Beach, FL 33785',
    signer: 'Marisol Quintero',
    date: '03/14/2026',
  },
  numbers: '(727) 555-0188\n(727) 555-0189\n(727) 555-0190',
  full: true,
};

async function read(bytes: Uint8Array): Promise<PageText[]> {
  return (await readDocument(bytes, { name: 'loa.pdf' })).pages;
}

const inside = (b: BBox, r: { x: number; y: number; width: number; height: number }, pageH = 792) =>
  b[0] >= r.x - 1 && b[2] <= r.x + r.width + 1 && b[1] >= pageH - r.y - r.height - 1 && b[3] <= pageH - r.y + 1;

describe('a filled fillable LOA reads its typed values', () => {
  it('every field where the form shows it, and the extractor takes them beside their labels', async () => {
    const { bytes, rects } = await fillableLoa(FILLED);
    const pages = await read(bytes);
    const words = pages[0]!.words;
    const name = words.filter((w) => ['Bayshore', 'Pediatric', 'Dentistry', 'PLLC'].includes(w.text));
    expect(name).toHaveLength(4);
    for (const w of name) expect(inside(w.bbox, rects.get('name')!)).toBe(true);
    const f = extractFields(pages, 'loa').fields;
    expect(f.account_name?.value).toBe('Bayshore Pediatric Dentistry PLLC');
    expect(f.account_number?.value.replace(/\D/g, '')).toBe('884122075531');
    expect(f.btn?.value).toBe('+17275550188');
    expect(f.pin?.value).toBe('4471');
    expect(f.authorized_person?.value).toBe('Marisol Quintero');
    expect(f.service_address?.value).toMatchObject({
      street_line: expect.stringMatching(/^2250 Gulf Blvd/),
      city: 'Indian Rocks Beach',
      state: 'FL',
      zip5: '33785',
    });
    // evidence points into the field the value was typed in
    expect(f.account_name?.page).toBe(1);
    expect(inside(f.account_name!.bbox!, rects.get('name')!)).toBe(true);
  });

  it('a multi-line numbers field gives each number on its own line, inside the field', async () => {
    const { bytes, rects } = await fillableLoa(FILLED);
    const pages = await read(bytes);
    const nums = pages[0]!.words.filter((w) => /^555-01(88|89|90)$/.test(w.text));
    const inField = nums.filter((w) => inside(w.bbox, rects.get('numbers')!));
    expect(inField).toHaveLength(3);
    const tops = inField.map((w) => w.bbox[1]);
    expect(new Set(tops).size).toBe(3);
    expect(extractFields(pages, 'loa').fields.phone_numbers?.value).toEqual([
      '+17275550188',
      '+17275550189',
      '+17275550190',
    ]);
  });

  it('a ticked check box reads as a ticked mark in its box; the unticked one gives nothing', async () => {
    const { bytes, rects } = await fillableLoa(FILLED);
    const marks = (await read(bytes))[0]!.words.filter((w) => w.text === '[X]');
    expect(marks).toHaveLength(1);
    expect(inside(marks[0]!.bbox, rects.get('full')!)).toBe(true);
  });

  it('portdesk extract prints the typed values of a filled form', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-forms-'));
    try {
      const file = path.join(dir, 'loa.pdf');
      fs.writeFileSync(file, (await fillableLoa(FILLED)).bytes);
      const out: string[] = [];
      const code = await main(['extract', file, '--type', 'loa', '--json'], {
        out: (l) => out.push(l),
        err: () => undefined,
      });
      expect(code).toBe(0);
      const fields = JSON.parse(out.join('\n')).fields;
      expect(fields.account_name.value).toBe('Bayshore Pediatric Dentistry PLLC');
      expect(fields.phone_numbers.value).toHaveLength(3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('values pdfjs draws itself (NeedAppearances, no appearance streams) read the same', async () => {
    const { bytes } = await fillableLoa({ ...FILLED, needAppearances: true });
    const f = extractFields(await read(bytes), 'loa').fields;
    expect(f.account_name?.value).toBe('Bayshore Pediatric Dentistry PLLC');
    expect(f.pin?.value).toBe('4471');
  });

  it('a drop-down reads as its choice, a comb field as its characters, a hidden field not at all', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([612, 792]);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    page.drawText('Current carrier and account details for this number transfer request', {
      x: 50,
      y: 740,
      size: 10,
      font,
    });
    const form = pdf.getForm();
    const carrier = form.createDropdown('carrier');
    carrier.addOptions(['Lumen', 'Windstream Communications', 'Frontier']);
    carrier.select('Windstream Communications');
    carrier.addToPage(page, { x: 200, y: 700, width: 250, height: 18, font });
    const acct = form.createTextField('account');
    acct.setMaxLength(10);
    acct.enableCombing();
    acct.setText('4471093385');
    acct.addToPage(page, { x: 200, y: 660, width: 250, height: 18, font });
    const hidden = form.createTextField('internal');
    hidden.setText('Tracking 99817');
    hidden.addToPage(page, { x: 200, y: 620, width: 250, height: 18, font, hidden: true });
    const words = (await read(await pdf.save()))[0]!.words;
    expect(words.filter((w) => w.text === 'Windstream' || w.text === 'Communications')).toHaveLength(2);
    const comb = words.find((w) => w.text === '4471093385');
    expect(comb?.bbox[0]).toBeGreaterThanOrEqual(199);
    expect(comb?.bbox[2]).toBeLessThanOrEqual(451);
    expect(words.some((w) => w.text === '99817')).toBe(false);
  });

  it('an empty form gives no values and no words beyond its print', async () => {
    const { bytes } = await fillableLoa({});
    const pages = await read(bytes);
    expect(pages[0]!.words.some((w) => /\d{3}-\d{4}|\[X\]/.test(w.text))).toBe(false);
    const f = extractFields(pages, 'loa').fields;
    expect(f.account_name?.value ?? null).toBeNull();
    expect(f.account_number?.value ?? null).toBeNull();
    expect(f.phone_numbers?.value ?? []).toEqual([]);
  });

  it('a value also printed under its field (or a flattened form) is read once', async () => {
    for (const spec of [
      { ...FILLED, printValues: true },
      { ...FILLED, flatten: true },
    ]) {
      const pages = await read((await fillableLoa(spec)).bytes);
      expect(pages[0]!.words.filter((w) => w.text === 'Bayshore')).toHaveLength(1);
      expect(pages[0]!.words.filter((w) => w.text === '555-0189')).toHaveLength(1);
      expect(extractFields(pages, 'loa').fields.account_name?.value).toBe('Bayshore Pediatric Dentistry PLLC');
    }
  });
});

describe('the loa-fillable stand-in', () => {
  it('holds its values in form fields (or flattened), and the reader gets them back', async () => {
    const modes = new Set<string>();
    for (let seed = 1; modes.size < 3 && seed < 40; seed++) {
      const fx = generateRandom(seed, { family: 'loa-fillable' });
      const mode = fx.model.form!;
      if (modes.has(mode)) continue;
      modes.add(mode);
      const bytes = await renderTextPdf(fx.model);
      const doc = await openPdf(bytes);
      const page = await doc.getPage(1);
      const content = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
      const widgets = (await page.getAnnotations()).filter((a: { subtype?: string }) => a.subtype === 'Widget');
      await doc.destroy();
      const first = fx.truth.account_name!.split(' ')[0]!;
      // typed values are in the fields, not the page's text, unless the form was flattened
      expect(content.includes(first)).toBe(mode === 'flatten');
      expect(widgets.length > 0).toBe(mode !== 'flatten');
      const f = extractFields((await readDocument(bytes, { name: 'loa.pdf' })).pages, 'loa').fields;
      expect(f.account_number?.value).toBe(fx.truth.account_number);
      expect(f.phone_numbers?.value).toEqual(fx.truth.phone_numbers);
    }
    expect([...modes].sort()).toEqual(['appearances', 'flatten', 'need-appearances']);
  });
});

describe('pages are drawn with the typed values', () => {
  it('the page image is darker inside a filled field than inside the same field left empty', async () => {
    const ink = async (spec: FormSpec) => {
      const { bytes, rects } = await fillableLoa(spec);
      const doc = await openPdf(bytes);
      try {
        const scale = 2;
        const gray = await renderPageGray(doc, await doc.getPage(1), scale);
        const r = rects.get('name')!;
        // inside the border: 3 pt in from each side
        const x0 = Math.round((r.x + 3) * scale),
          x1 = Math.round((r.x + r.width - 3) * scale);
        const y0 = Math.round((792 - r.y - r.height + 3) * scale),
          y1 = Math.round((792 - r.y - 3) * scale);
        let dark = 0;
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (gray.data[y * gray.width + x]! < 128) dark++;
        return dark;
      } finally {
        await doc.destroy();
      }
    };
    const blank = await ink({});
    expect(await ink(FILLED)).toBeGreaterThan(blank + 200);
    expect(await ink({ ...FILLED, needAppearances: true })).toBeGreaterThan(blank + 200);
  });

  it('OCR of a scanned page with values typed into fields over it reads the values', async () => {
    // a page with no printed text of its own: the reader sends it to OCR, which must see the fields
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([612, 792]);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const field = pdf.getForm().createTextField('name');
    field.setText('Bayshore Pediatric Dentistry');
    field.addToPage(page, { x: 100, y: 600, width: 400, height: 40, font });
    field.setFontSize(24);
    const bytes = await pdf.save();
    const engine = new OcrEngine(DEFAULT_PREPROCESS);
    try {
      const out = await engine.run({ kind: 'pdf-page', bytes, page: 1, docKey: 'forms' });
      expect(out.words.map((w) => w.text).join(' ')).toMatch(/Bayshore Pediatric Dentistry/);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
