import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pagesOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * A bill as printed for a window envelope: the carrier's letterhead (its name in large type over its
 * own address), an account-summary box at the top right whose rows run to their values along dot
 * leaders, the customer's mailing block in body type where the window shows it, and a second page
 * repeating the account number in its header. Carrier names are made up (no known carrier), so only
 * the layout tells whose name the letterhead is.
 */

const SMALL = { size: 7.5 } as const;

interface Bill {
  carrier: string;
  carrierLines: string[];
  customer: string[];
  summary: [string, string][];
}

function bill(b: Bill): TextLine[][] {
  const p1: TextLine[] = [[48, 52, b.carrier, { font: 'sans-bold', size: 18 }]];
  b.carrierLines.forEach((l, i) => p1.push([48, 66 + i * 9.5, l, SMALL]));
  p1.push([340, 60, 'Account Summary', { font: 'sans-bold', size: 10 }]);
  b.summary.forEach(([label, value], i) => {
    const y = 80 + i * 15;
    p1.push([340, y, label, { font: 'sans-bold', size: 10 }]);
    p1.push([340 + 6.2 * label.length + 6, y, '.'.repeat(Math.max(3, 28 - label.length)), SMALL]);
    p1.push([556 - 5.6 * value.length, y, value]);
  });
  b.customer.forEach((l, i) => p1.push([72, 170 + i * 12.5, l]));
  p1.push(
    [48, 250, 'Service Location:', { font: 'sans-bold', size: 10 }],
    [140, 250, '905 Larkspur Ln, Boise, ID 83702'],
    [48, 280, 'Line', { font: 'sans-bold', size: 10 }],
    [220, 280, 'Description', { font: 'sans-bold', size: 10 }],
    [480, 280, 'Amount', { font: 'sans-bold', size: 10 }],
    [48, 296, '208-555-0163'],
    [220, 296, 'Business line'],
    [480, 296, '$41.20'],
    [48, 312, '208-555-0164'],
    [220, 312, 'Fax line'],
    [480, 312, '$22.75'],
  );
  const p2: TextLine[] = [
    [48, 40, b.carrier, SMALL],
    [430, 40, `${b.summary[0]![0]} ${b.summary[0]![1]}  Page 2`, SMALL],
    [48, 80, 'Taxes and fees', { font: 'sans-bold', size: 10 }],
    [48, 98, 'State 911 fee ........................ $1.10'],
  ];
  return [p1, p2];
}

const CASES: Bill[] = [
  {
    carrier: 'Tamarack Voice & Data',
    carrierLines: ['4400 Industrial Pkwy', 'Lansing, MI 48910', 'tamarackvd.example  800-555-0199'],
    customer: ['Larkspur Pediatric Dentistry PLLC', 'PO Box 1187', 'Boise, ID 83701'],
    summary: [
      ['Account number', '5520 8841 07'],
      ['Statement date', '03/14/2026'],
      ['Amount due', '$63.95'],
    ],
  },
  {
    carrier: 'BLUE MESA NETWORKS',
    carrierLines: ['12 Canyon Road, Suite 400, Santa Fe, NM 87501', 'bluemesa.example'],
    customer: ['LARKSPUR PEDIATRIC DENTISTRY PLLC', 'ATTN: ACCOUNTS PAYABLE', '3310 W STATE ST', 'BOISE, ID 83703'],
    summary: [
      ['Acct No.', '5520 8841 07'],
      ['Bill date', 'March 14, 2026'],
      ['Please pay', '$63.95'],
    ],
  },
  {
    carrier: 'Harrow Creek Telephone Cooperative',
    carrierLines: ['88 Depot St', 'Cody, WY 82414'],
    customer: ['Larkspur Pediatric Dentistry PLLC', '1022 Main Street', 'Meridian, ID 83642'],
    summary: [
      ['Account', '5520 8841 07'],
      ['Invoice date', '3/14/26'],
      ['Total due', '$63.95'],
    ],
  },
];

describe('a window-envelope bill under a carrier letterhead', () => {
  for (const b of CASES) {
    it(`"${b.carrier}" in large type is the carrier, the window block the customer`, () => {
      const got = extractFields(pagesOf(bill(b)), 'invoice').fields;
      expect(got.account_name?.value?.toLowerCase()).toBe('larkspur pediatric dentistry pllc');
      expect(got.account_number?.value?.replace(/\D/g, '')).toBe('5520884107');
      // the mailing address is the customer's, never the carrier's own
      expect(got.billing_address?.value?.zip5).toBe(b.customer.at(-1)!.slice(-5));
      expect(got.service_address?.value?.zip5).toBe('83702');
    });
  }
});
