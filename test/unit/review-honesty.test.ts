import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields, PageText, ServiceAddress, Word } from '../../shared/domain/document.js';
import { codes, run } from '../helpers/compare.js';

/*
 * Confidence that stays honest on label wordings nobody listed (issue 10): the review asserts a
 * difference only on readings it is sure of, so a reading that is a guess — two values under one
 * label, a month taken for a tag, a number picked off a table for a field the LOA does not label —
 * must not read as sure, and a difference it shows is a check; a cleanly labelled difference stays a
 * predicted rejection. The wordings below are invented here, in no vocabulary list.
 */

/** A text-layer page from [x, y, text] lines, about 4.8 pt a character as proportional print sets them. */
function page(lines: [number, number, string][], method: PageText['method'] = 'text'): PageText[] {
  const words: Word[] = [];
  for (const [x, y, text] of lines) {
    let at = x;
    for (const w of text.split(' ')) {
      words.push({ text: w, bbox: [at, y, at + w.length * 4.8, y + 9.9], conf: method === 'text' ? 1 : 0.8 });
      at += w.length * 4.8 + 2.8;
    }
  }
  return [{ page: 1, width: 612, height: 792, method, words }];
}

const addr = (street_line: string, zip5: string): ServiceAddress => ({
  street_line,
  unit: '',
  city: 'Iowa City',
  state: 'IA',
  zip5,
  zip4: '',
});
const SERVICE = addr('8455 West Lake Drive', '52240');
const BILLING = addr('9236 Commerce Ave', '52242');

/** An LOA grid: the service address cell, and beside it a billing cell under `billingLabel`. */
const loaGrid = (billingLabel: string, service = '8455 West Lake Drive, Iowa City,', serviceZip = 'IA 52240') =>
  page([
    [47, 40, 'LETTER OF AUTHORIZATION'],
    [47, 100, 'Customer name (per'],
    [47, 114, 'current invoice)'],
    [176, 100, 'Juniper Hollow Bakery LLC'],
    [369, 100, 'Current'],
    [369, 114, 'account no.'],
    [450, 100, '7501030141087'],
    [47, 195, 'Service address'],
    [47, 208, '(street, no P.O. box)'],
    [152, 195, service],
    [152, 208, serviceZip],
    [309, 195, billingLabel],
    [414, 195, '9236 Commerce Ave, Iowa City,'],
    [414, 208, 'IA 52242'],
    [44, 230, 'Ported Numbers'],
    [47, 249, '319-325-6977'],
    [178, 249, '319-656-5613'],
  ]);

const csrPage = page([
  [40, 40, 'CUSTOMER SERVICE RECORD'],
  [40, 80, 'Account Name'],
  [160, 80, 'JUNIPER HOLLOW BAKERY LLC'],
  [40, 100, 'Service Address'],
  [160, 100, '8455 WEST LAKE DRIVE'],
  [160, 112, 'IOWA CITY IA 52240'],
]);
const csrFields: ExtractedFields = {
  service_address: {
    value: addr('8455 WEST LAKE DRIVE', '52240'),
    confidence: 0.95,
    page: 1,
    bbox: [160, 100, 300, 122],
  },
};

describe('two values under one label are no certain reading', () => {
  it('an address cell beside a billing cell whose label nobody listed: the reading is below the review certainty', () => {
    const f = extractFields(loaGrid('Statements Posted To'), 'loa').fields.service_address!;
    expect(f.candidates?.length).toBeGreaterThan(1);
    expect(f.confidence).toBeLessThan(0.8);
  });

  it('…while the same cell beside a recognised billing label stays sure', () => {
    const f = extractFields(loaGrid('Billing address'), 'loa').fields.service_address!;
    expect(f.value.street_line).toBe('8455 West Lake Drive');
    expect(f.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('the review makes such a reading of the neighbouring block a check, not a location mismatch', () => {
    const pages = loaGrid('Statements Posted To');
    const read = extractFields(pages, 'loa').fields.service_address!;
    // the reader took the neighbouring block (as it does when that cell runs on into the service cell)
    const [own, other] = read.candidates!;
    const wrong = {
      ...read,
      value: BILLING,
      candidates: [
        { ...other!, value: BILLING },
        { ...own!, value: SERVICE },
      ],
    };
    const r = run({ loa: { service_address: wrong }, csr: csrFields, pages: { loa: pages, csr: csrPage } });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(codes(r)).not.toContain('POSTAL_CODE_MISMATCH');
    expect(r.checks.map((c) => c.field)).toContain('service_address');
  });

  it('a cleanly labelled other service address is still a predicted rejection', () => {
    const pages = loaGrid('Billing address', '77 Harmony Road, Iowa City,', 'IA 52245');
    const read = extractFields(pages, 'loa').fields;
    expect(read.service_address!.value.street_line).toBe('77 Harmony Road');
    const r = run({ loa: read, csr: csrFields, pages: { loa: pages, csr: csrPage } });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });
});

describe('a month is no label tag', () => {
  // a printout header whose date OCR glued together ("SEP 14 2025" read as "SEP 142025": SEP would abbreviate "security PIN")
  const csrPrint = (extra: [number, number, string][] = []) =>
    page(
      [
        [40, 16, 'SEP 142025 9:40 AM Subscriber Record'],
        [40, 80, 'Firm'],
        [160, 80, 'Juniper Hollow Bakery LLC'],
        [40, 100, 'Record Status'],
        [160, 100, 'ACTIVE'],
        ...extra,
      ],
      'ocr',
    );

  it("a CSR's printed date gives no PIN, so an LOA PIN is no predicted rejection", () => {
    const csr = extractFields(csrPrint(), 'csr').fields;
    expect(csr.pin).toBeUndefined();
    const r = run({
      loa: { pin: { value: '0057', confidence: 0.95, page: 1, bbox: [200, 100, 230, 110] } },
      csr,
      pages: { csr: csrPrint() },
    });
    expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
  });

  it('…while a labelled CSR PIN that differs is still a predicted rejection', () => {
    const pages = page([
      [40, 16, 'SEP 14 2025 9:40 AM Subscriber Record'],
      [40, 80, 'Firm'],
      [160, 80, 'Juniper Hollow Bakery LLC'],
      [40, 100, 'PIN:'],
      [160, 100, '8812'],
    ]);
    const csr = extractFields(pages, 'csr').fields;
    expect(csr.pin?.value).toBe('8812');
    const r = run({
      loa: { pin: { value: '0057', confidence: 0.95, page: 1, bbox: [200, 100, 230, 110] } },
      csr,
      pages: { csr: pages },
    });
    expect(codes(r)).toContain('PASSCODE_PIN_INVALID');
  });
});

describe("an LOA guess for a field it labels nowhere is no rejection when the LOA writes the carrier's value", () => {
  // an order printout: no BTN label; the numbers in a table, the carrier's BTN among them
  const loaPages = (btnLine: [number, number, string][] = []) =>
    page([
      [40, 40, 'Transfer Request Printout'],
      [40, 100, 'Firm on the bill: Juniper Hollow Bakery LLC'],
      ...btnLine,
      [40, 200, '# Number Keep? Kind'],
      [40, 216, '1 3195550142 Y Voice'],
      [40, 232, '2 3195550178 Y Fax'],
      [40, 248, '3 3195550121 Y Primary line'],
    ]);
  const csr: ExtractedFields = {
    btn: { value: '+13195550121', confidence: 0.95, page: 1, bbox: [160, 100, 230, 110] },
  };
  const csrPages = page([
    [40, 100, 'Billing Telephone Number'],
    [180, 100, '(319) 555-0121'],
  ]);

  it("the first number of the LOA's table, taken as a guess, against the carrier's BTN listed there: a check", () => {
    const r = run({
      loa: { btn: { value: '+13195550142', confidence: 0.3, page: 1, bbox: [52, 216, 100, 226] } },
      csr,
      pages: { loa: loaPages(), csr: csrPages },
    });
    expect(codes(r)).not.toContain('BTN_ATN_MISMATCH');
    expect(r.checks.map((c) => c.field)).toContain('btn');
  });

  it('…while a BTN the LOA labels that differs is a predicted rejection', () => {
    const pages = loaPages([[40, 130, 'Main account telephone: 319-555-0199']]);
    const loa = extractFields(pages, 'loa').fields;
    expect(loa.btn?.value).toBe('+13195550199');
    const r = run({ loa, csr, pages: { loa: pages, csr: csrPages } });
    expect(codes(r)).toContain('BTN_ATN_MISMATCH');
  });
});

describe('an unsure carrier reading is no certain difference where its own page says otherwise', () => {
  const tx = (street_line: string, unit = ''): ServiceAddress => ({
    street_line,
    unit,
    city: 'Corpus Christi',
    state: 'TX',
    zip5: '78476',
    zip4: '',
  });
  const loa: ExtractedFields = {
    service_address: {
      value: tx('26076 Broadway Pkwy', 'Suite 507'),
      confidence: 0.95,
      page: 1,
      bbox: [160, 100, 300, 122],
    },
  };
  // the unit on a row of its own under a caption nobody listed, apart from the labelled address
  const scannedCsr = (unit: string) =>
    page(
      [
        [40, 40, 'SUBSCRIBER PROFILE'],
        [40, 100, 'Service Address'],
        [200, 100, '26076 BROADWAY PKWY'],
        [200, 112, 'CORPUS CHRISTI TX 78476'],
        ...(unit
          ? [[40, 140, 'Premises Ident'] as [number, number, string], [200, 140, unit] as [number, number, string]]
          : []),
      ],
      'ocr',
    );
  const csrRead = (conf: number): ExtractedFields => ({
    service_address: { value: tx('26076 BROADWAY PKWY'), confidence: conf, page: 1, bbox: [200, 100, 330, 122] },
  });

  it("the CSR's unsure reading lacks the unit its page writes: a check, not a location mismatch", () => {
    const r = run({ loa, csr: csrRead(0.66), pages: { csr: scannedCsr('#507') } });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.checks.map((c) => c.field)).toContain('service_address');
  });

  it('…while a CSR that writes no such unit anywhere still gives the rejection', () => {
    const r = run({ loa, csr: csrRead(0.66), pages: { csr: scannedCsr('') } });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });

  // a bad scan: the CSR's service block garbled past reading, a block below it (no caption) read instead
  const garbled = page(
    [
      [40, 40, 'SUBSCRIBER PROFILE'],
      [40, 100, 'Whre Lnes Trminat'],
      [200, 100, 'Z6O7b BRQADWY PKW'],
      [200, 112, 'C0RPUS CHRlSTI TX 7B476'],
      [40, 160, '9978 SOUTH MAGNOLIA WAY'],
      [40, 172, 'CORPUS CHRISTI, TX 78476'],
    ],
    'ocr',
  );
  const magnolia = (conf: number): ExtractedFields => ({
    service_address: { value: tx('9978 SOUTH MAGNOLIA WAY'), confidence: conf, page: 1, bbox: [40, 160, 170, 182] },
  });
  const loaUnsure: ExtractedFields = {
    service_address: { value: tx('26076 Broadway Pkwy'), confidence: 0.48, page: 1, bbox: [160, 100, 300, 110] },
  };
  const loaPage = page([[40, 100, 'Service address: 26076 Broadway Pkwy, Corpus Christi, TX 78476']]);

  it('a CSR reading barely read (below the contrary minimum) is no rejection because its words stand on the page', () => {
    const r = run({ loa: loaUnsure, csr: magnolia(0.29), pages: { csr: garbled, loa: loaPage } });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.checks.map((c) => c.field)).toContain('service_address');
  });

  it('…while the same reading under a recognised service-address label, read surely, is a rejection', () => {
    const clean = page(
      [
        [40, 40, 'SUBSCRIBER PROFILE'],
        [40, 100, 'Service Address'],
        [200, 100, '9978 SOUTH MAGNOLIA WAY'],
        [200, 112, 'CORPUS CHRISTI TX 78476'],
      ],
      'text',
    );
    const r = run({ loa, csr: magnolia(0.95), pages: { csr: clean } });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });
});

describe('a label inside a sentence gives no value from the next sentence', () => {
  // a CSR sent as a letter: the sentence naming the PIN ends on its line; the next line is another sentence
  const letter = (pinSentence: [number, number, string][]) =>
    page([
      [40, 40, 'Lakeshore Telephone'],
      [40, 120, 'Dear Marisol Quintero,'],
      [40, 140, 'Our file shows Juniper Hollow Bakery LLC as the holder of this line group.'],
      ...pinSentence,
      [40, 174, 'Your lines are wired at 2996 Lincoln Way, Billings, MT 59112.'],
    ]);
  const loa: ExtractedFields = { pin: { value: '224107', confidence: 0.97, page: 1, bbox: [200, 100, 240, 110] } };

  it('"…passcode for this customer today." over an address line: no PIN difference is predicted', () => {
    const pages = letter([[40, 160, 'We hold no passcode for this customer today.']]);
    const r = run({ loa, csr: extractFields(pages, 'csr').fields, pages: { csr: pages } });
    expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
  });

  it('…while a passcode the letter states that differs is still a predicted rejection', () => {
    const pages = letter([[40, 160, 'Passcode: 8812']]);
    const r = run({ loa, csr: extractFields(pages, 'csr').fields, pages: { csr: pages } });
    expect(codes(r)).toContain('PASSCODE_PIN_INVALID');
  });
});
