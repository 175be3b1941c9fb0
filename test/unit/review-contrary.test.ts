import { describe, expect, it } from 'vitest';
import { writtenOn } from '../../electron/core/compare/evidence.js';
import type { ExtractedFields, PageText, ServiceAddress } from '../../shared/domain/document.js';
import { codes, fv as boxedField, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * A review robust to imperfect reading on layouts nobody has seen: a reading that cannot be the
 * value (label text, a carrier, a tag glued on) or a checked value also written elsewhere on the
 * carrier's document is a check; a checked value written nowhere on the carrier's documents is a
 * difference, however unsure the carrier document's own reading was.
 */

const fv = <T>(value: T, confidence = 0.95) => boxedField(value, confidence, null);
const addr = (street_line: string, city: string, zip5: string, unit = ''): ServiceAddress => ({
  street_line,
  unit,
  city,
  state: 'IL',
  zip5,
  zip4: '',
});

/** A scanned CSR whose labels the review's table does not know ("Party of record", none on the address). */
const csrScan = (extra: [number, number, string][] = []): PageText[] =>
  page(
    [
      [40, 60, 'CUSTOMER SERVICE RECORD'],
      [40, 100, 'Party of record ~ HANNAH SCHMIDT'],
      [40, 120, '456 W OAK AVE STE 1200'],
      [40, 132, 'SPRINGFIELD IL 62704'],
      [40, 160, 'Acct 8310 4455 0192'],
      [40, 180, 'Port-out code ~ 7305'],
      ...extra,
    ],
    'ocr',
  );

describe('writtenOn: a value anywhere on a document, OCR-tolerant', () => {
  const doc = page(
    [
      [40, 100, 'Name: Cedar Ridge Dental PLLC'],
      [40, 120, 'Acct: 83l0-4455-O192'],
      [40, 140, 'Call 217-555-5878 for help'],
      [40, 160, 'Copper Canyon'],
      [300, 160, 'Due 03/01'],
      [40, 172, 'Animal Clinic, PLLC'],
    ],
    'ocr',
  );
  it('finds glued, split and lookalike-damaged writing', () => {
    expect(writtenOn(doc, 'csr', 'CedarRidge Dental P.L.L.C.')?.text).toMatch(/Cedar/);
    expect(writtenOn(doc, 'csr', '831044550192', { digits: true })).not.toBeNull();
  });
  it('allows a few further characters wrong only when asked', () => {
    expect(writtenOn(doc, 'csr', 'Cedar Ridgw Dental PLLC')).toBeNull();
    expect(writtenOn(doc, 'csr', 'Cedar Ridgw Dental PLLC', { maxEdits: 1 })).not.toBeNull();
  });
  it('a number inside another number is not written', () => {
    expect(writtenOn(doc, 'csr', '5878', { digits: true })).not.toBeNull(); // "5878" stands alone after a dash
    expect(writtenOn(doc, 'csr', '5558', { digits: true })).toBeNull();
  });
  it('reads a value wrapped in its cell, a grid column between', () => {
    expect(writtenOn(doc, 'csr', 'Copper Canyon Animal Clinic PLLC')).not.toBeNull();
  });
  it('shows the whole place the value is written, not the value with its last letters left out', () => {
    // (the evidence box the specialist sees, and what the review compares, is the page's words)
    expect(writtenOn(doc, 'csr', 'Cedar Ridge Dental PLLC', { maxEdits: 2 })?.text).toBe('Cedar Ridge Dental PLLC');
    expect(writtenOn(doc, 'csr', 'Cedar Ridgw Dental PLLC', { maxEdits: 2 })?.text).toBe('Cedar Ridge Dental PLLC');
    expect(writtenOn(doc, 'csr', 'Copper Canyon Animal Clinic, PLLC', { maxEdits: 2 })?.text).toMatch(/PLLC$/);
  });
});

describe('a strong contrary reading asserts the difference', () => {
  it("an unsure CSR signer, the LOA's signer written nowhere on the carrier's documents: a predicted rejection", () => {
    const r = run({
      loa: { authorized_person: fv('Elizabeth Novak', 0.97) },
      csr: { authorized_person: fv('HANNAH SCHMIDT', 0.8) },
      pages: { csr: csrScan() },
    });
    expect(r.fields.authorized_person.verdict).toBe('mismatch');
    expect(codes(r)).toContain('AUTH_PERSON_MISMATCH');
    expect(r.fields.authorized_person.reason).toMatch(/written nowhere on the carrier's documents/);
  });

  it("…but the LOA's signer written elsewhere on the CSR (a contact list) keeps it a check", () => {
    const r = run({
      loa: { authorized_person: fv('Elizabeth Novak', 0.97) },
      csr: { authorized_person: fv('HANNAH SCHMIDT', 0.8) },
      pages: { csr: csrScan([[40, 220, 'Sales contact ~ ELIZABETH NOVAK']]) },
    });
    expect(r.fields.authorized_person.verdict).toBe('check');
    expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
    expect(r.checks[0]!.why).toMatch(/also shows "[^"]*ELIZABETH NOVAK"/);
  });

  it('…and a reading barely read at all stays a check', () => {
    const r = run({
      loa: { authorized_person: fv('Elizabeth Novak', 0.97) },
      csr: { authorized_person: fv('HANNAH SCHMIDT', 0.4) },
      pages: { csr: csrScan() },
    });
    expect(r.fields.authorized_person.verdict).toBe('check');
  });

  /** A CSR whose service-address label heads a column far from the address (the reading is not under it). */
  const csrApart = (extra: [number, number, string][] = []) =>
    page(
      [[40, 100, 'Service Address:'], [40, 300, '456 W OAK AVE STE 1200'], [40, 312, 'SPRINGFIELD IL 62704'], ...extra],
      'ocr',
    );

  it('an unsure CSR address whose differing house number is written nowhere on it: LOCATION_MISMATCH', () => {
    const r = run({
      loa: { service_address: fv(addr('4878 W Oak Ave', 'Springfield', '62704', 'STE 1200'), 0.97) },
      csr: { service_address: fv(addr('456 W Oak Ave', 'Springfield', '62704', 'STE 1200'), 0.7) },
      pages: { csr: csrApart() },
    });
    expect(r.fields.service_address.verdict).toBe('mismatch');
    expect(codes(r)).toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.reason).toMatch(/house number is written nowhere on the CSR/);
  });

  it('…the LOA house number written elsewhere on the CSR keeps it a check', () => {
    const r = run({
      loa: { service_address: fv(addr('4878 W Oak Ave', 'Springfield', '62704', 'STE 1200'), 0.97) },
      csr: { service_address: fv(addr('456 W Oak Ave', 'Springfield', '62704', 'STE 1200'), 0.7) },
      pages: { csr: csrApart([[40, 500, 'Bill to 4878 W OAK AVE']]) },
    });
    expect(r.fields.service_address.verdict).toBe('check');
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });

  it("an unsure CSR PIN, the LOA's PIN nowhere on the CSR: PASSCODE_PIN_INVALID; written elsewhere on it: a check", () => {
    const loa = { pin: fv('4821', 0.97) };
    const nowhere = run({ loa, csr: { pin: fv('7305', 0.75) }, pages: { csr: csrScan() } });
    expect(codes(nowhere)).toContain('PASSCODE_PIN_INVALID');
    const elsewhere = run({
      loa,
      csr: { pin: fv('7305', 0.97) },
      pages: { csr: csrScan([[40, 220, 'Ticket 4821']]) },
    });
    expect(codes(elsewhere)).not.toContain('PASSCODE_PIN_INVALID');
    expect(elsewhere.fields.pin.verdict).toBe('check');
    expect(elsewhere.checks[0]!.why).toMatch(/written elsewhere on the CSR/);
  });
});

describe('a reading that cannot be the value is never asserted', () => {
  const loa: ExtractedFields = {
    account_name: fv('Acme Plumbing LLC', 0.97),
    authorized_person: fv('Rebecca Zhang', 0.97),
  };
  it("a carrier's name or label text read as the entity name is a check", () => {
    for (const name of ['AT&T', 'Customer Name on File']) {
      const r = run({ loa, csr: { account_name: fv(name, 0.95) } });
      expect(r.fields.account_name.verdict).toBe('check');
      expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
    }
  });
  it('a line of service codes read as the signer is a check', () => {
    const r = run({ loa, csr: { authorized_person: fv('1FB 9ZR HTG', 0.95) } });
    expect(r.fields.authorized_person.verdict).toBe('check');
  });
  it('a record tag glued onto the signer ("USRREBECCA ZHANG") is a check, not another person', () => {
    const r = run({ loa, csr: { authorized_person: fv('USRREBECCA ZHANG', 0.95) } });
    expect(r.fields.authorized_person.verdict).toBe('check');
    expect(r.checks[0]!.why).toMatch(/glued/);
  });
});

describe("OCR's form is no difference", () => {
  it('a legal form glued to the word before it, or a word split in two, is the same name', () => {
    const pairs: [string, string][] = [
      ['Timberline Realty GroupLtd.', 'Timberline Realty Group Limited'],
      ['GARCIA & REYESCORPORATION', 'Garcia and Reyes Corporation'],
      ['Sandhill Home Health Services Incorporat ed', 'Sandhill Home Health Services Incorporated'],
      ['HARVEST MOO N TIRE & WHEEL LLC', 'Harvest Moon Tire and Wheel LLC'],
      ['NORTHGATE ACCOUNTING SERVICES CO RP', 'Northgate Accounting Services Corporation'],
    ];
    for (const [csrName, loaName] of pairs) {
      const r = run({ loa: { account_name: fv(loaName, 0.97) }, csr: { account_name: fv(csrName, 0.95) } });
      expect(r.fields.account_name.verdict, csrName).toBe('equivalent');
      expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
    }
  });

  it('a unit read with a lookalike on a scanned CSR ("118B" for 1188) is the same unit; the ZIP that differs still does', () => {
    const r = run({
      loa: { service_address: fv(addr('4403 W Bay View Cir', 'Springfield', '62704', 'STE 1188'), 0.97) },
      csr: { service_address: fv(addr('4403 W BAY VIEW CIR', 'SPRINGFIELD', '62702', 'STE 118B'), 0.95) },
      pages: { csr: page([[40, 100, 'Service Address: 4403 W BAY VIEW CIR STE 118B SPRINGFIELD IL 62702']], 'ocr') },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(codes(r)).toContain('POSTAL_CODE_MISMATCH');
  });

  it('street words glued or split on a scanned CSR are the same street', () => {
    const pairs: [string, string][] = [
      ['2348 FIFTHCIRCLE', '2348 Fifth Cir'],
      ['21937 W MARTINLUTHER KING JR TER', '21937 W Martin Luther King Jr Ter'],
      ['403 1 3RD CIRCLE', '4031 3rd Circle'],
    ];
    for (const [csrStreet, loaStreet] of pairs) {
      const r = run({
        loa: { service_address: fv(addr(loaStreet, 'Springfield', '62704'), 0.97) },
        csr: { service_address: fv(addr(csrStreet, 'SPRINGFIELD', '62704'), 0.95) },
        pages: { csr: page([[40, 100, `Service Address: ${csrStreet} SPRINGFIELD IL 62704`]], 'ocr') },
      });
      expect(codes(r), csrStreet).not.toContain('LOCATION_MISMATCH');
    }
  });

  it('a street and unit glued or split on a scanned CSR ("FOREST HIGHWAYBLDG 6") are the same street and unit', () => {
    const r = run({
      loa: { service_address: fv(addr('5937 Forest Highway', 'Springfield', '62704', 'Bldg 6'), 0.97) },
      csr: { service_address: fv(addr('5937 FOREST HIGHWAYBLDG 6', 'SPRINGFIELD', '62704'), 0.95) },
      pages: { csr: page([[40, 100, 'Service Address: 5937 FOREST HIGHWAYBLDG 6 SPRINGFIELD IL 62704']], 'ocr') },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).not.toBe('mismatch');
  });

  it("a unit the CSR's parser left in the street is no proof either way; the street written nowhere still is", () => {
    const r = run({
      loa: { service_address: fv(addr('41 Cypress Ter', 'Springfield', '62704', 'STE 1042'), 0.97) },
      csr: { service_address: fv(addr('41 E Kingsley Blvd STE 10 42', 'Springfield', '62704'), 0.78) },
      pages: {
        csr: page(
          [
            [40, 100, 'Service Address:'],
            [40, 300, '41 E KINGSLEY BLVD STE 10 42'],
            [40, 312, 'SPRINGFIELD IL 62704'],
          ],
          'ocr',
        ),
      },
    });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.reason).toMatch(/street is written nowhere on the CSR/);
  });

  it('an address found without its ZIP does not settle a ZIP difference', () => {
    const r = run({
      loa: { service_address: fv(addr('2083 Spring Cir', 'Springfield', '62704'), 0.97) },
      csr: { service_address: fv(addr('2083 SPRING CIR', 'SPRINGFIELD', '62711'), 0.6) },
      pages: {
        csr: page(
          [
            [40, 100, 'Service Address: 2083 Spring Cir'],
            [40, 112, 'Springfield, IL'],
          ],
          'ocr',
        ),
      },
    });
    expect(r.fields.service_address.verdict).toBe('mismatch');
    expect(codes(r)).toContain('POSTAL_CODE_MISMATCH');
  });
});

describe('readings of whole blocks', () => {
  it("an address whose city was left on the street line is split where the ZIP's city begins", () => {
    const r = run({
      loa: { service_address: fv(addr('456 W Oak Ave', 'Springfield', '62704', 'Ste 200'), 0.97) },
      csr: { service_address: fv(addr('456 W OAK AVE STE 200 SPRINGFIELD', '', '62704'), 0.95) },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(['match', 'equivalent']).toContain(r.fields.service_address.verdict);
  });

  it('a number to port that an unsure CSR list lacks but the CSR writes elsewhere is a check', () => {
    const loa = { phone_numbers: fv(['+12175550100', '+12175550188'], 0.97) };
    const csr = { phone_numbers: fv(['+12175550100'], 0.8) };
    const elsewhere = run({ loa, csr, pages: { csr: csrScan([[40, 240, 'Hunt group member (217) 555-0188']]) } });
    expect(codes(elsewhere)).not.toContain('PHONE_NUMBER_MISMATCH');
    expect(elsewhere.checks.find((c) => c.field === 'phone_numbers')?.why).toMatch(/written on the CSR/);
  });

  it('…while a number written nowhere on the carrier documents is still not on the account', () => {
    const loa = { phone_numbers: fv(['+12175550100', '+12175550188', '+12175550199'], 0.97) };
    const csr = { phone_numbers: fv(['+12175550100'], 0.8) };
    const listed = csrScan([
      [40, 200, 'Working Telephone Numbers: 217-555-0100'],
      [40, 240, 'Hunt group member (217) 555-0188'],
    ]);
    const r = run({ loa, csr, pages: { csr: listed } });
    const p = r.predicted_rejections.find((x) => x.code === 'PHONE_NUMBER_MISMATCH');
    expect(p?.reason).toMatch(/\+12175550199 is not on the account/);
    expect(p?.reason).not.toMatch(/0188/);
    expect(r.checks.find((c) => c.field === 'phone_numbers')?.why).toMatch(/\+12175550188/);
  });

  it('a scanned LOA reading with a heading for its street ("SECTION B") and no house number is a check', () => {
    const r = run({
      loa: { service_address: fv(addr('SECTION B', 'Springfield', '62704', 'FL 19'), 0.8) },
      csr: { service_address: fv(addr('16369 Pearl Sq', 'Springfield', '62704', 'FL 19'), 0.97) },
      pages: { loa: page([[40, 100, 'SECTION B - SERVICE ADDRESS']], 'ocr') },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.checks[0]!.why).toMatch(/no house number/);
  });

  it('a ZIP the LOA reading dropped but the LOA writes is a check, not POSTAL_CODE_MISMATCH', () => {
    const r = run({
      loa: { service_address: fv(addr('16369 Pearl Sq', 'Springfield', ''), 0.8) },
      csr: { service_address: fv(addr('16369 PEARL SQ', 'SPRINGFIELD', '62704'), 0.97) },
      pages: { loa: page([[40, 100, 'Service Address: 16369 Pearl Sq, Springfield IL 627O4']], 'ocr') },
    });
    expect(codes(r)).not.toContain('POSTAL_CODE_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('check');
  });

  it('an entity name whose words OCR split, its legal form in another form, is the same name', () => {
    const r = run({
      loa: { account_name: fv('Copper Ke ttle R ealty, Incorporated', 0.8) },
      csr: { account_name: fv('Copper Kettle Realty, Inc', 0.97) },
    });
    expect(r.fields.account_name.verdict).toBe('equivalent');
    expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
  });

  it('a real city whose name holds a label word ("Salt Lake City") is a city: a different city is LOCATION_MISMATCH', () => {
    const r = run({
      loa: { service_address: fv({ ...addr('89 Washington Cir', 'Chapel Hill', '84118'), state: 'UT' }, 0.97) },
      csr: { service_address: fv({ ...addr('89 WASHINGTON CIR', 'SALT LAKE CITY', '84118'), state: 'UT' }, 0.97) },
    });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });

  it("an LOA's city that its ZIP contradicts and no misreading makes the carrier's is what the LOA says, however unsure the read", () => {
    const r = run({
      loa: { service_address: fv({ ...addr('5172 NE Broadway Cir', 'North Little Rock', '82003'), state: 'WY' }, 0.7) },
      csr: { service_address: fv({ ...addr('5172 NE BROADWAY CIR', 'CHEYENNE', '82003'), state: 'WY' }, 0.97) },
      pages: { loa: page([[40, 100, 'Service Address: 5172 NE Broadway Cir, North Little Rock, WY 82003']]) },
    });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });
});

describe("the LOA's own reading, when unsure", () => {
  /** An LOA letter with no service-address label PortDesk knows: the address stands in the text. */
  const loaLetter = (lines: string[]) => page(lines.map((t, i) => [40, 100 + 14 * i, t] as [number, number, string]));

  it("an unsure LOA unit, the carrier's unit written nowhere on the LOA: the difference stands", () => {
    const r = run({
      loa: { service_address: fv(addr('72 Maple Pl', 'Springfield', '62704', 'Ste 923'), 0.6) },
      csr: { service_address: fv(addr('72 MAPLE PL', 'SPRINGFIELD', '62704', 'STE 915'), 0.97) },
      pages: {
        loa: loaLetter(['We authorize the port of our lines at', '72 Maple Pl, Springfield, IL 62704', 'Suite 923']),
      },
    });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });

  it("…the carrier's unit written on the LOA too keeps it a check", () => {
    const r = run({
      loa: { service_address: fv(addr('72 Maple Pl', 'Springfield', '62704', 'Ste 923'), 0.6) },
      csr: { service_address: fv(addr('72 MAPLE PL', 'SPRINGFIELD', '62704', 'STE 915'), 0.97) },
      pages: {
        loa: loaLetter([
          'We authorize the port of our lines at',
          '72 Maple Pl Ste 923, Springfield, IL 62704',
          'Bills to 72 Maple Pl Ste 915, Springfield, IL 62704',
        ]),
      },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('check');
  });

  it("an unsure LOA reading that cut the street short, the LOA writing the carrier's street, is a check", () => {
    const r = run({
      loa: { service_address: fv(addr('6251 Pine Valley', 'Springfield', '62704'), 0.6) },
      csr: { service_address: fv(addr('6251 Pine Valley Ln', 'Springfield', '62704'), 0.97) },
      pages: { loa: loaLetter(['We are at 6251 Pine Valley Ln', 'Springfield IL 62704']) },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.checks.find((c) => c.field === 'service_address')?.why).toMatch(/cut the street short/);
  });

  it("an unsure LOA reading of a PO box, the LOA also writing the carrier's street address, is a check", () => {
    const r = run({
      loa: { service_address: fv(addr('PO Box 63119', 'Springfield', '62701'), 0.6) },
      csr: { service_address: fv(addr('32 W Hill Ct', 'Springfield', '62704'), 0.97) },
      pages: {
        loa: loaLetter(['Lines at 32 W Hill Ct, Springfield IL 62704', 'Mail: PO Box 63119, Springfield IL 62701']),
      },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('check');
  });

  it('an LOA address not read at all, written there in full as "Fifth" (the carrier\'s "5TH"), is the LOA\'s', () => {
    const r = run({
      loa: { account_name: fv('Acme Plumbing LLC', 0.97) },
      csr: { service_address: fv(addr('26708 W Fifth Ter', 'Springfield', '62704'), 0.97) },
      pages: { loa: loaLetter(['Lines at 26708 W Fifth Ter', 'Springfield IL 62704']) },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('match');
    expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
  });

  it("a PIN the LOA reader missed but the LOA writes is the LOA's PIN: no rejection when it is the CSR's", () => {
    const r = run({
      loa: { account_name: fv('Acme Plumbing LLC', 0.97) },
      csr: { pin: fv('76334224', 0.8) },
      pages: { loa: loaLetter(['Port-out code 76334224']) },
    });
    expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
    expect(r.fields.pin.verdict).toBe('match');
  });
});

describe('more of OCR and the parser', () => {
  const ny = (street_line: string, city: string, unit = '') =>
    fv({ street_line, unit, city, state: 'NY', zip5: '12866', zip4: '' }, 0.9);
  it('a word and a unit OCR split ("Fift h Ln", "Room 190 5") are the same street and unit', () => {
    const r = run({
      loa: { service_address: ny('10 Fifth Lane', 'Saratoga Springs', 'Room 1905') },
      csr: { service_address: ny('10 Fift h Ln', 'Saratoga Springs', 'Room 190 5') },
      pages: { csr: page([[40, 100, 'Service Address: 10 Fift h Ln Room 190 5 Saratoga Springs NY 12866']], 'ocr') },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });

  it('a city\'s first word left on the street line ("… Hwy FL 19 Saratoga" / "Springs") is the ZIP\'s city, whole', () => {
    const r = run({
      loa: { service_address: ny('9562 Pine Valley Hwy', 'Saratoga Springs', 'FL 19') },
      csr: { service_address: ny('9562 Pine Valley Hwy FL 19 Saratoga', 'Springs') },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });

  it("a CSR address barely read (55%) though under its label, the LOA's ZIP written on the CSR, is a check", () => {
    const r = run({
      loa: { service_address: fv(addr('5810 21st Ct', 'Springfield', '62704'), 0.95) },
      csr: { service_address: fv(addr('5810 21ST CT', 'SPRINGFIELD', '62711'), 0.55) },
      pages: {
        csr: page(
          [
            [40, 100, 'Service Address: 5810 21ST CT SPRINGFIELD IL 62711'],
            [40, 140, 'Location ZIP 62704'],
          ],
          'ocr',
        ),
      },
    });
    expect(codes(r)).not.toContain('POSTAL_CODE_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('check');
  });

  it('an invoice that gives the LOA\'s unit, its city glued by OCR ("VirginiaBeach"), puts a unit the CSR reading lacks in doubt', () => {
    const va = (street_line: string, city: string, unit = ''): ServiceAddress => ({
      ...addr(street_line, city, '23460', unit),
      state: 'VA',
    });
    const r = run({
      loa: { service_address: fv(va('8073 River Street', 'Virginia Beach', 'Bldg 3'), 0.95) },
      invoice: { service_address: fv(va('8073 River St', 'VirginiaBeach', 'Bldg 3'), 0.6) },
      csr: { service_address: fv(va('8073 River St', 'Virginia Beach'), 0.85) },
    });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('check');
    expect(r.fields.service_address.reason).toMatch(/invoice's service address is .* like the LOA's/);
  });

  describe('a doubt about the street or unit leaves a ZIP difference the invoice backs standing', () => {
    const al = (unit: string, zip5: string): ServiceAddress => ({
      street_line: '2227 Market Ave',
      unit,
      city: 'Mobile',
      state: 'AL',
      zip5,
      zip4: '',
    });
    const loaPage = (extra: [number, number, string][] = []) =>
      page([
        [40, 100, 'Service Address: 2227 Market Ave Unit 1937'],
        [40, 112, 'Mobile AL 36617'],
        [40, 160, 'Numbers to port: 251-555-0137'],
        ...extra,
      ]);
    const input = (loa: PageText[]) => ({
      loa: { service_address: fv(al('', '36617'), 0.55) },
      invoice: { service_address: fv(al('Unit 1937', '36601'), 0.74) },
      csr: { service_address: fv(al('Unit 1937', '36601'), 0.78) },
      pages: { loa },
    });

    it("the LOA writes its own ZIP and nowhere the CSR's, which the invoice gives too: POSTAL_CODE_MISMATCH", () => {
      const r = run(input(loaPage()));
      expect(r.fields.service_address.verdict).toBe('check');
      expect(codes(r)).toContain('POSTAL_CODE_MISMATCH');
      expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    });

    it("the CSR's ZIP written on the LOA too (its mailing address) leaves the whole address a check", () => {
      const r = run(input(loaPage([[40, 130, 'Mailing: PO Box 12, Mobile AL 36601']])));
      expect(r.fields.service_address.verdict).toBe('check');
      expect(codes(r)).not.toContain('POSTAL_CODE_MISMATCH');
    });
  });

  describe('a unit only the LOA gives, its reading unsure (a grid of labels)', () => {
    const la = (unit: string): ServiceAddress => ({
      street_line: '566 North Harbor Place',
      unit,
      city: 'Baton Rouge',
      state: 'LA',
      zip5: '70804',
      zip4: '',
    });
    const loaGrid = page([
      [40, 100, 'Address Line 1'],
      [40, 112, '566 North Harbor Place'],
      [40, 130, 'Suite'],
      [40, 142, 'Ste 296'],
      [40, 160, 'City'],
      [40, 172, 'Baton Rouge'],
      [40, 190, 'ZIP+4'],
      [40, 202, '70804'],
    ]);
    const carrier = (extra: string) =>
      page([
        [40, 100, `Premises Address: 566 NORTH HARBOR PLACE ${extra}`.trim()],
        [40, 112, 'BATON ROUGE LA 70804'],
      ]);
    const input = (csrExtra = '') => ({
      loa: { service_address: fv(la('Ste 296'), 0.43) },
      invoice: { service_address: fv(la(''), 0.82) },
      csr: { service_address: fv(la(''), 0.75) },
      pages: { loa: loaGrid, csr: carrier(csrExtra), invoice: carrier('') },
    });

    it('written on the LOA and on neither carrier document (which agree): LOCATION_MISMATCH', () => {
      expect(codes(run(input()))).toContain('LOCATION_MISMATCH');
    });

    it('written on the CSR too (its reader dropped it): no rejection', () => {
      expect(codes(run(input('STE 296')))).not.toContain('LOCATION_MISMATCH');
    });
  });
});
