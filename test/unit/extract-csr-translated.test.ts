import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { recastTranslated } from '../../electron/core/extract/csr-translated.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { PageBuilder, textWidth, type TextStyle } from '../fixtures/generator/layout.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A record printed for two languages (csr-bilingual, standin-aa.ts): every caption in English and French or
 * Spanish — slash-joined, stacked over its translation, or mirrored at the row's right end — values such as
 * a line's status in both languages too, and dates written day first or in the other language's words. The
 * wordings here are not the stand-in's.
 */

const BODY: TextStyle = { font: 'sans', size: 9.5 };
const SMALL: TextStyle = { font: 'sans', size: 7.5, gray: 0.4 };

async function read(p: PageBuilder): Promise<{ got: ExtractedFields; pages: PageText[] }> {
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'record.pdf' })).pages;
  return { got: extractFields(pages, 'csr').fields, pages };
}

const v = <T>(f: { value: T } | undefined) => f?.value;

/** Caption-left rows from y, the values at x + w. */
function rows(p: PageBuilder, y: number, x: number, w: number, rs: [string, ...string[]][]): number {
  for (const [cap, ...vals] of rs) {
    p.text(x, y, cap, BODY);
    vals.forEach((val, i) => p.text(x + w, y + i * 13, val, BODY));
    y += 13 * Math.max(1, vals.length) + 3;
  }
  return y;
}

describe('captions slash-joined in two languages keep the side that names a field', () => {
  it('French first, colons: the name, account, service address, PIN and a day-first date with its hint', async () => {
    const p = new PageBuilder();
    p.text(50, 40, 'Laurentide Téléphone', { font: 'sans-bold', size: 15 });
    p.text(50, 62, "Dossier d'abonné / Subscriber record", { font: 'sans-bold', size: 11 });
    p.text(50, 80, 'Date (JJ/MM/AAAA) / Date (DD/MM/YYYY): 03/06/2025', BODY);
    rows(p, 110, 50, 230, [
      ["Nom de l'entreprise / Company name:", 'Juniper Hollow Veterinary Clinic LLC'],
      ['Numéro de compte / Account number:', '44120-0831'],
      ['Adresse du service / Service address:', '1180 County Road 9, Unit B', 'Hastings, NE 68901'],
      ['Personne autorisée / Authorized contact:', 'Rosalind Achterberg'],
      ['NIP / PIN:', '5127'],
      ['Numéros / Numbers:', '402-555-0148, 402-555-0162'],
    ]);
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Juniper Hollow Veterinary Clinic LLC');
    expect(v(got.account_number)).toBe('44120-0831');
    expect(v(got.service_address)?.street_line).toBe('1180 County Road 9');
    expect(v(got.service_address)?.city).toBe('Hastings');
    expect(v(got.authorized_person)).toBe('Rosalind Achterberg');
    expect(v(got.pin)).toBe('5127');
    expect(v(got.document_date)).toBe('2025-06-03');
  });

  it('English first, no colons, values under wide captions: the other side is not read as the value', async () => {
    const p = new PageBuilder();
    p.text(50, 40, 'Servicios Telefónicos del Sur', { font: 'sans-bold', size: 15 });
    p.text(50, 60, 'Issued / Emitido: 17 de febrero de 2026', BODY);
    let y = 90;
    for (const [cap, val] of [
      ['Customer name / Nombre del cliente', 'Copper Mesa Title & Escrow Inc.'],
      ['Account no. / Núm. de cuenta', '7730 2291 05'],
      ['Authorized person / Persona autorizada', 'Evelyn Quintero'],
      ['Billing telephone number / Teléfono de facturación', '(505) 555-0137'],
      ['Service address / Dirección del servicio', '77 Camino Real, Suite 4, Santa Fe, NM 87501'],
    ]) {
      p.text(50, y, cap!, BODY);
      p.text(62, y + 12, val!, BODY);
      y += 30;
    }
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Copper Mesa Title & Escrow Inc.');
    expect(v(got.account_number)).toBe('7730 2291 05');
    expect(v(got.authorized_person)).toBe('Evelyn Quintero');
    expect(v(got.btn)).toBe('+15055550137');
    expect(v(got.service_address)?.street_line).toBe('77 Camino Real');
    expect(v(got.document_date)).toBe('2026-02-17');
  });
});

describe('a section heading in two languages', () => {
  it('"SECTION | SECCIÓN" over the authorized person is one heading, not column captions over its caption (stand-in seeds)', () => {
    // (dev seeds of csr-bilingual, tune wordings, whose "X | Y" heading stands over the person's caption)
    for (const seed of [44308, 44309, 44346]) {
      const fx = generateRandom(seed, { family: 'csr-bilingual', fresh: 'tune' });
      const f = extractFields(fx.pages, 'csr').fields;
      expect(v(f.authorized_person), `seed ${seed}`).toBe(fx.truth.authorized_person);
    }
  });
});

describe('captions stacked over their translation and mirrored at the row end keep one language', () => {
  it('Spanish over English in smaller grey type, the value beside the first line', async () => {
    const p = new PageBuilder();
    p.text(50, 40, 'Red Telefónica Costera', { font: 'sans-bold', size: 15 });
    p.text(50, 60, 'Fecha / Date: 9 abr. 2025', BODY);
    let y = 92;
    for (const [es, en, val] of [
      ['Titular de la cuenta', 'Account holder', 'Harbor Light Marine Supply LLC'],
      ['Número de cuenta', 'Account number', '581 220 3394'],
      ['Persona autorizada', 'Authorized person', 'Rafael Montoya'],
      ['Clave de portabilidad', 'Port-out PIN', '880214'],
    ]) {
      p.text(50, y, es!, BODY);
      p.text(50, y + SMALL.size + 2, en!, SMALL);
      p.text(190, y, val!, BODY);
      y += 28;
    }
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Harbor Light Marine Supply LLC');
    expect(v(got.account_number)).toBe('581 220 3394');
    expect(v(got.authorized_person)).toBe('Rafael Montoya');
    expect(v(got.pin)).toBe('880214');
    expect(v(got.document_date)).toBe('2025-04-09');
  });

  it('the other language right-aligned at the row end: the English caption on the left is read, not as a value', async () => {
    const p = new PageBuilder();
    p.text(50, 40, 'Bayou Communications', { font: 'sans-bold', size: 15 });
    p.text(50, 60, 'As of / En date du: 2025-11-21', BODY);
    let y = 92;
    for (const [fr, en, val] of [
      ['Dénomination', 'Company', 'Gulf Breeze Dental Group PA'],
      ['Numéro du compte', 'Account number', '3318-0042-77'],
      ['Mandataire désigné', 'Authorized contact', 'Delphine Arceneaux'],
      ["Code d'accès", 'Security code', '4471'],
    ]) {
      p.text(50, y, fr!, BODY);
      p.text(170, y, val!, BODY);
      p.textRight(560, y, en!, { ...BODY, gray: 0.4 });
      y += 16;
    }
    const { got } = await read(p);
    expect(v(got.account_name)).toBe('Gulf Breeze Dental Group PA');
    expect(v(got.account_number)).toBe('3318-0042-77');
    expect(v(got.authorized_person)).toBe('Delphine Arceneaux');
    expect(v(got.pin)).toBe('4471');
  });
});

describe("a line's status in two languages", () => {
  it('"Débranché / Disconnected" and "Résilié / Cancelled" lines leave the account, whichever side is English', async () => {
    for (const englishFirst of [false, true]) {
      const both = (fr: string, en: string) => (englishFirst ? `${en} / ${fr}` : `${fr} / ${en}`);
      const p = new PageBuilder();
      p.text(50, 40, 'Laurentide Téléphone', { font: 'sans-bold', size: 15 });
      p.text(50, 60, `${both('Date', 'Date')}: 2025-09-30`, BODY);
      const y = rows(p, 90, 50, 200, [
        [`${both('Nom du client', 'Customer name')}:`, 'Timberline Roofing Co.'],
        [`${both('Numéro de compte', 'Account number')}:`, '61-8830-2215'],
        [`${both('Adresse de service', 'Service address')}:`, '52 Ridge Rd', 'Plattsburgh, NY 12901'],
      ]);
      p.text(50, y + 10, both('Numéro', 'Number'), { font: 'sans-bold', size: 9 });
      p.text(200, y + 10, both('Statut', 'Status'), { font: 'sans-bold', size: 9 });
      const lines: [string, string][] = [
        ['518-555-0190', both('Actif', 'Active')],
        ['518-555-0191', `${both('Débranché', 'Disconnected')} 12/01/2025`],
        ['518-555-0192', both('En service', 'In service')],
        ['518-555-0193', `${both('Résilié', 'Cancelled')} 28/02/2025`],
      ];
      lines.forEach(([tn, status], i) => {
        p.text(50, y + 28 + i * 13, tn, BODY);
        p.text(200, y + 28 + i * 13, status, BODY);
      });
      const { got } = await read(p);
      expect(v(got.phone_numbers), `English ${englishFirst ? 'first' : 'second'}`).toEqual([
        '+15185550190',
        '+15185550192',
      ]);
      expect(v(got.account_name)).toBe('Timberline Roofing Co.');
    }
  });
});

describe('what a one-language document keeps', () => {
  it('"City / State / ZIP" and month-first dates stay as printed', async () => {
    const p = new PageBuilder();
    p.text(50, 40, 'Prairie Wind Telephone', { font: 'sans-bold', size: 15 });
    p.text(50, 60, 'Record date: 03/06/2025', BODY);
    rows(p, 90, 50, 150, [
      ['Customer name:', 'Keystone Storage Centers LLC'],
      ['Name / Title:', 'Marcus Okafor / Owner'],
      ['Street:', '410 Elm St'],
      ['City / State / ZIP:', 'Lincoln, NE 68508'],
    ]);
    const { got, pages } = await read(p);
    expect(recastTranslated(pages)).toBeNull();
    expect(v(got.document_date)).toBe('2025-03-06');
    expect(v(got.service_address)?.city).toBe('Lincoln');
    expect(textWidth('x', 'sans', 9)).toBeGreaterThan(0);
  });
});
