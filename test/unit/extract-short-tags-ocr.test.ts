import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * A service record's short tags as a SCAN reads them (tagged-address.ts readTags): OCR splits a tag with a
 * space ("SA NO", "L D1"), glues it to its value ("SATHAVE", "LV1120", "SASN:MAPLE"), reads a capital whose
 * small form has the same shape small ("zIP", "Svc") and a level digit 1 as l or i ("Lvli", "Lvi"), loses a
 * tag ("SAND" for SANO; a ZIP caption gone, its value left under the others) — the tag is still the tag its
 * letters abbreviate, the value still the part its place and shape give. And the person under a contact tag
 * with a callback number run on after the name ("CONTACT … CBN 406 555 0190"). Every record, name and
 * address here is ours; the pages are built as OCR pages (the reader's words, no text layer).
 */

const MONO = { font: 'mono' as const, size: 8.5 };
const SANS = { font: 'sans' as const, size: 9 };

/** The page as OCR gives it: the same words, read from an image. */
const scanned = (lines: TextLine[]): PageText => {
  const p = pageOf(lines);
  return { ...p, method: 'ocr', words: p.words.map((w) => ({ ...w, conf: 0.9 })) };
};

const record = (address: TextLine[], person = 'AUTH  MARISOL K TRAN'): TextLine[] => [
  [36, 40, 'HIGH DESERT TEL CO              SERVICE RECORD', MONO],
  [36, 54, 'ACCT 5521880417   BTN 505-555-0163', MONO],
  [36, 68, 'NAME  MESA VERDE ORTHODONTICS PC', MONO],
  [36, 96, 'SVC LOCATION', MONO],
  ...address,
  [36, 170, person, MONO],
  [36, 200, 'TN 505-555-0163   1FB  BUSINESS LINE', MONO],
  [36, 212, 'TN 505-555-0171   1FB  BUSINESS LINE', MONO],
];

const serviceOf = (lines: TextLine[]) => extractFields([scanned(record(lines))], 'csr').fields.service_address?.value;

describe('a scan’s short address tags, read by their letters', () => {
  const want = { street_line: '1187 W JUNIPER HILL RD', unit: 'STE 12', city: 'SANTA FE', state: 'NM', zip5: '87505' };
  const shapes: [string, TextLine[]][] = [
    [
      'a tag split by a space ("SA NO", "L D1")',
      [
        [48, 110, 'SA NO 1187   SASD W   SASN JUNIPER HILL   SATH RD   L D1 STE   LV1 12', MONO],
        [48, 122, 'CITY SANTA FE   STATE NM   ZIP 87505', MONO],
      ],
    ],
    [
      'tags glued to their values ("SATHRD", "LV112", "SASN:JUNIPER")',
      [
        [48, 110, 'SANO 1187   SASD W   SASN:JUNIPER HILL   SATHRD   LD1 STE   LV112', MONO],
        [48, 122, 'CITY SANTA FE   STATE NM   ZIP87505', MONO],
      ],
    ],
    [
      'a grid whose tags OCR read with small lookalikes ("Lvli", "zIP")',
      [
        [48, 110, 'SANO    SASD  SASN           SATH  LD1   Lvli', MONO],
        [48, 122, '1187    W     JUNIPER HILL   RD    STE   12', MONO],
        [48, 140, 'CITY          STATE  zIP', MONO],
        [48, 152, 'SANTA FE      NM     87505', MONO],
      ],
    ],
    [
      'a grid with one tag unread ("SAND"): its column is the part the row’s order gives',
      [
        [48, 110, 'SAND    SASD  SASN           SATH  LD1   LV1', MONO],
        [48, 122, '1187    W     JUNIPER HILL   RD    STE   12', MONO],
        [48, 140, 'CITY          STATE  ZIP', MONO],
        [48, 152, 'SANTA FE      NM     87505', MONO],
      ],
    ],
    [
      'the level value’s tag lost after its designator ("LD1 STE | 12")',
      [
        [48, 110, 'SANO 1187   SASD W   SASN JUNIPER HILL   SATH RD   LD1 STE            12', MONO],
        [48, 122, 'CITY SANTA FE   STATE NM   ZIP 87505', MONO],
      ],
    ],
  ];
  for (const [shape, lines] of shapes)
    it(shape, () => {
      expect(serviceOf(lines)).toMatchObject(want);
    });

  it('captions one a line: a state OCR spoilt keeps the record going; a ZIP whose caption is lost is the ZIP', () => {
    const lines: TextLine[] = [
      [48, 108, 'Svc Addr No:', SANS],
      [170, 108, '1187', SANS],
      [48, 118, 'Svc Addr Street:', SANS],
      [170, 118, 'JUNIPER HILL', SANS],
      [48, 128, 'Thoroughfare:', SANS],
      [170, 128, 'RD', SANS],
      [48, 138, 'Svc City:', SANS],
      [170, 138, 'SANTA FE', SANS],
      [48, 148, 'Svc State:', SANS],
      [170, 148, 'Nn', SANS],
      [170, 158, '87505', SANS],
    ];
    expect(serviceOf(lines)).toMatchObject({ street_line: '1187 JUNIPER HILL RD', city: 'SANTA FE', zip5: '87505' });
  });

  it('control: "SASD W" keeps its directional (a tag and its one-letter value are not one split tag)', () => {
    const lines: TextLine[] = [
      [48, 110, 'SANO 1187   SASD W   SASN JUNIPER HILL   SATH RD', MONO],
      [48, 122, 'CITY SANTA FE   STATE NM   ZIP 87505', MONO],
    ];
    expect(serviceOf(lines)?.street_line).toBe('1187 W JUNIPER HILL RD');
  });

  it('control: a word of the record that merely begins with a tag’s letters is no glued tag ("STATUS")', () => {
    const lines: TextLine[] = [
      [48, 110, 'SANO 1187   SASN JUNIPER HILL   SATH RD', MONO],
      [48, 122, 'CITY SANTA FE   STATE NM   ZIP 87505', MONO],
      [48, 134, 'STATUS ACTIVE', MONO],
    ];
    expect(serviceOf(lines)?.street_line).toBe('1187 JUNIPER HILL RD');
  });
});

describe('the person under a contact tag, a callback number run on after the name', () => {
  const address: TextLine[] = [
    [48, 110, 'SANO 1187   SASN JUNIPER HILL   SATH RD', MONO],
    [48, 122, 'CITY SANTA FE   STATE NM   ZIP 87505', MONO],
  ];
  const person = (line: string, scan: boolean) =>
    extractFields([(scan ? scanned : pageOf)(record(address, line))], 'csr').fields.authorized_person?.value;
  for (const [line, name] of <[string, string][]>[
    ['CONTACT MARISOL K TRAN CBN 505 555 0190', 'MARISOL K TRAN'],
    ['CONTACT Marisol Tran CBN +1 505 555 0190', 'Marisol Tran'],
    ['AUTH USR MARISOL K. TRAN CBN 1-505-555-0190', 'MARISOL K. TRAN'],
    ['AUTH  MARISOL TRAN  PH 505.555.0190', 'MARISOL TRAN'],
    ['Authorized Contact: Marisol K. Tran Tel: (505) 555-0190', 'Marisol K. Tran'],
  ])
    it(`"${line}"`, () => {
      for (const scan of [false, true]) expect(person(line, scan)).toBe(name);
    });
  it('control: a name’s own suffix before a number is the name’s ("JR")', () => {
    expect(person('CONTACT ROBERT DIAZ JR 505 555 0190', false)).not.toBe('ROBERT DIAZ');
  });
});
