import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

/*
 * A portal's summary band: the account's name, then its facts on one line set apart by marks ("Harbor Light
 * Dental LLC · Acct No.: 8812004 · Main 608-555-0142"), a second band under it with the customer's own number
 * ("Carrier: Ziply Fiber · Data as of: … · Cust #: 359408"). Each fact is a cell of its own: its caption opens
 * it, so the account's caption reads the account's number, never the customer number's. Wordings and
 * numbers are made up for the test.
 */

const BAND: TextStyle = { font: 'sans', size: 10 };
const SMALL: TextStyle = { font: 'sans', size: 7.5 };
const ROW: TextStyle = { font: 'sans', size: 8 };

interface Band {
  name: string;
  account: string;
  mark: string;
  /** the mark glued to the name's last word ("P.A.·") */
  glued?: boolean;
}

async function render(b: Band): Promise<PageText[]> {
  const p = new PageBuilder();
  p.text(40, 36, 'Meridian Voice Group Reseller Console', { font: 'sans-bold', size: 11 });
  p.text(40, 58, 'Billing     Tickets     Reports     Dashboard', SMALL);
  p.text(40, 90, 'Customer Summary', { font: 'sans-bold', size: 14 });
  const sep = ` ${b.mark} `;
  p.text(40, 116, `${b.name}${b.glued ? `${b.mark} ` : sep}${b.account}${sep}Main 608-555-0142`, BAND);
  p.text(40, 138, `Carrier: Ziply Fiber${sep}Data as of: May 29, 2025${sep}Cust #: 359408`, SMALL);
  p.text(40, 160, 'Account Information', { font: 'sans-bold', size: 11 });
  p.text(40, 178, 'Type:', ROW);
  p.text(120, 178, 'Small Business', ROW);
  p.text(40, 206, 'Location', { font: 'sans-bold', size: 11 });
  p.text(40, 222, '1. Headquarters - 1029 Sandpiper Highway, South Bend IN 46604', ROW);
  p.text(40, 246, 'Numbers', { font: 'sans-bold', size: 11 });
  p.text(40, 262, 'Number', ROW);
  p.text(260, 262, 'Type', ROW);
  ['(608) 555-0142', '(608) 555-0119', '(608) 555-0127'].forEach((n, i) => {
    p.text(40, 276 + i * 13, n, ROW);
    p.text(260, 276 + i * 13, i ? 'Analog Line' : 'SIP DID', ROW);
  });
  return (await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'summary.pdf' })).pages;
}

async function summary(b: Band): Promise<ExtractedFields> {
  return extractFields(await render(b), 'csr').fields;
}

describe("a summary band's facts set apart by marks are cells of their own", () => {
  const cases: Band[] = [
    { name: 'Harvest Moon Roofing Corp.', account: 'Acct No.: 431355130', mark: '·' },
    { name: 'High Desert Title & Escrow P.C.', account: 'Account Nr. 431355130', mark: '·' },
    { name: 'Twin Oaks Accounting Services Ltd.', account: 'Account # (on your bill) 431355130', mark: '|' },
    { name: 'Mesa Verde Accounting Services P.A.', account: 'Acct No. 431355130', mark: '·', glued: true },
    { name: 'HARBOR LIGHT HOME HEALTH SERVICES CORP.', account: 'Master Account 431355130', mark: '|', glued: true },
  ];
  for (const b of cases)
    it(`${b.name} ${b.mark} ${b.account}`, async () => {
      const got = await summary(b);
      expect(got.account_number?.value).toBe('431355130');
      expect(got.account_name?.value).toBe(b.name);
    });
});
