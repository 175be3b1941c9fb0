import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { recastFidRecords } from '../../electron/core/extract/csr-fid.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { PageBuilder } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A local exchange carrier's CSR printed in field identifiers (csr-fid, standin-w.ts): section banners, and
 * under them tags with their values run together on a line, set apart by slashes. The billing name (BN1,
 * continued on BN2) is the account's name; the listed name (LN) is the directory listing's, often a DBA;
 * the service address is the SA line (or its HSE / STR parts) with its city, state and ZIP tags; every /TN
 * on a USOC line is a line of the account, a forwarding target, a callback number and a TN named in the
 * remarks are not.
 */

const MONO = { font: 'mono' as const, size: 8.5 };

async function read(lines: string[]): Promise<{ got: ExtractedFields; pages: PageText[] }> {
  const p = new PageBuilder();
  lines.forEach((text, i) => {
    if (text) p.text(40, 50 + i * 12, text, MONO);
  });
  const pages = (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'csr.pdf' })).pages;
  return { got: extractFields(pages, 'csr').fields, pages };
}

const v = <T>(f: { value: T } | undefined) => f?.value;

describe('a CSR printed in field identifiers is read as the record it is', () => {
  it('reads one SA line with its city, state and ZIP tags, the billing name continued on BN2, USOC lines', async () => {
    const { got } = await read([
      'MIDSTATE TELEPHONE CO          CUSTOMER SERVICE RECORD          PAGE 1',
      'RUN DATE 11/04/25   TIME 08:12   BTN 608 555-0140',
      '--- ID ---',
      'BTN 608 555-0140 /ACCT 608-555-0140-227 /CUS 227 /CLS BUS /STAT WKG',
      'AUTH ROSA MENDEZ /CBR 608 555-0199 /PIN 5521',
      '--- LIST ---',
      'LN QUARRY LANE PIZZA /YPH RESTAURANTS',
      'LTN 608 555-0140',
      '--- BILL ---',
      'BN1 QUARRY LANE RESTAURANT',
      'BN2 HOLDINGS LLC',
      'BA1 PO BOX 4410 /PO MADISON /ST WI /ZIP 53701',
      '--- S&E ---',
      'SA 2200 N LAKESHORE DR STE 4 /LCTY MADISON /ST WI /ZIP 53703',
      '1    1FB    /TN 608 555-0140 /PIC 0288 /LPIC 0288',
      '1    1FB    /TN 608 555-0141 /PIC 0288',
      '2    ESX',
      '1    RCF    /TN 608 555-0142 /FWD 414 555-0107',
      '--- REMARKS ---',
      'TN 608 555-0166 DISC 09/30/25 NOT ON ACCT',
    ]);
    expect(v(got.account_name)).toBe('QUARRY LANE RESTAURANT HOLDINGS LLC');
    expect(v(got.account_number)).toBe('608-555-0140-227');
    expect(v(got.service_address)).toMatchObject({
      street_line: '2200 N LAKESHORE DR',
      unit: 'STE 4',
      city: 'MADISON',
      state: 'WI',
      zip5: '53703',
    });
    expect(v(got.billing_address)).toMatchObject({ street_line: 'PO BOX 4410', city: 'MADISON', zip5: '53701' });
    expect(v(got.phone_numbers)).toEqual(['+16085550140', '+16085550141', '+16085550142']);
    expect(v(got.btn)).toBe('+16085550140');
    expect(v(got.pin)).toBe('5521');
    expect(v(got.authorized_person)).toBe('ROSA MENDEZ');
    expect(v(got.document_date)).toBe('2025-11-04');
  });

  it('reads house / street / suite parts, a city line under them, a run-together date, other banners', async () => {
    const { got } = await read([
      'PRAIRIE BELL                 CSR INQUIRY                PG 1 OF 1',
      'CSR DATE 07MAR26   TM 14:40:02   SORD',
      '***** ACCOUNT ID *****',
      'BTN 515-555-0118  /  BAN 88120455',
      '***** BILLING *****',
      'BN1 HAWKEYE FAMILY DENTAL PC',
      'BN2 ATTN ACCTS PAYABLE',
      'BA1 900 LOCUST ST',
      'BA2 DES MOINES, IA 50309',
      '***** LISTING *****',
      'LN HAWKEYE SMILES  /  NP',
      '***** SVC & EQUIP *****',
      'HSE 418  /  STR E GRAND AVE  /  SUI RM 210',
      'CTY DES MOINES  /  STATE IA  /  ZC 50316',
      'QTY  USOC   FIDS',
      '1    1MB    /TEL 515-555-0118  /INST 03/02/19',
      '1    1MB    /TEL 515-555-0126  /INST 03/02/19',
      '3    NDT    /DIDR 515-555-0130 THRU 0132',
    ]);
    expect(v(got.account_name)).toBe('HAWKEYE FAMILY DENTAL PC');
    expect(v(got.service_address)).toMatchObject({
      street_line: '418 E GRAND AVE',
      unit: 'RM 210',
      city: 'DES MOINES',
      state: 'IA',
      zip5: '50316',
    });
    expect(v(got.phone_numbers)).toEqual([
      '+15155550118',
      '+15155550126',
      '+15155550130',
      '+15155550131',
      '+15155550132',
    ]);
    expect(v(got.document_date)).toBe('2026-03-07');
  });

  it("continues the billing name on BN2 even when that line starts with a word like 'CARE'", async () => {
    const { got } = await read([
      'RUN DATE 02/17/26',
      '== ID ==',
      'BTN 508 555-0116 /ACCT 776503962 /STAT WKG',
      '== BILL ==',
      'BN1 MESA VERDE EYE',
      'BN2 CARE, PC',
      'BA1 9707 HARBOR CIR /PO WORCESTER /ST MA /ZIP 01607',
      '== LIST ==',
      'LN MESA VERDE OPTICAL',
      'LTN 508 555-0116',
      '== S&E ==',
      'SA 8716 BAY VIEW PKWY /LCTY WORCESTER /ST MA /ZIP 01607',
      '1    1FB    /TN 508 555-0116 /PIC 0288',
      '1    1FB    /TN 508 555-0117 /PIC 0288',
    ]);
    expect(v(got.account_name)).toBe('MESA VERDE EYE CARE, PC');
    expect(v(got.phone_numbers)).toEqual(['+15085550116', '+15085550117']);
  });

  it('leaves a page without slash-separated tags as it is', async () => {
    const { pages } = await read([
      'Customer Service Record',
      'Account Name: Quarry Lane Dental',
      'City/State/ZIP: Madison, WI 53703',
      'Service Address: 2200 Lakeshore Dr',
      'Telephone Numbers: 608-555-0140 / 608-555-0141',
      'BTN 608 555-0140',
      'LN QUARRY LANE',
      'SA 2200 LAKESHORE DR',
    ]);
    expect(recastFidRecords(pages)).toBeNull();
  });
});
