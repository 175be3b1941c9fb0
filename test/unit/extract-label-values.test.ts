import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { looksLikeLabelText } from '../../electron/core/extract/labels.js';
import { pageOf } from '../fixtures/generator/handmade.js';
import { textWidth } from '../fixtures/generator/layout.js';

/* A value made only of label vocabulary (any concept's words, fillers included) is a label, never a value. */

describe('label vocabulary as a value', () => {
  it('reads wordings made only of label words as label text, in several forms', () => {
    for (const v of ['Full Legal Name', 'as shown on file', 'if applicable', 'as it appears', 'Print Name'])
      expect(looksLikeLabelText(v), v).toBe(true);
  });

  it('keeps real names and streets that merely contain label words', () => {
    for (const v of ['Customer Care Group LLC', 'Evergreen Law Offices LLC', 'Susan K. Ivanova', '12 Main St'])
      expect(looksLikeLabelText(v), v).toBe(false);
  });

  it('a hint printed in the value cell is skipped for the name labelled below it', () => {
    const page = pageOf([
      [72, 100, 'Account Name:'],
      [160, 100, 'as it appears'],
      [72, 120, 'Business Name:'],
      [160, 120, 'Evergreen Law Offices LLC'],
      [72, 140, 'Account Number:'],
      [160, 140, '403009924'],
    ]);
    const f = extractFields([page], 'invoice').fields.account_name;
    expect(f?.value).toBe('Evergreen Law Offices LLC');
  });

  it('a service address whose city is label text is not reported; a real city that is a label word is', () => {
    const labelCity = pageOf([
      [72, 100, 'Service Address:'],
      [160, 100, '410 Harbor Way'],
      [160, 111, 'City State, MT 59101'],
    ]);
    const cityA = extractFields([labelCity], 'loa').fields.service_address?.value.city ?? '';
    expect(looksLikeLabelText(cityA) ? cityA : 'not label').toBe('not label');
    const billings = pageOf([
      [72, 100, 'Service Address:'],
      [160, 100, '410 Harbor Way'],
      [160, 111, 'Billings, MT 59101'],
    ]);
    expect(extractFields([billings], 'loa').fields.service_address?.value.city).toBe('Billings');
  });
});

describe('label text by its shape, not by a list of wordings', () => {
  it('hint phrasing, a label head noun at the end, "Name of …" are labels', () => {
    for (const v of [
      'Firm Name',
      'Name of Firm',
      'Proprietor Number',
      'Principal Contact Name',
      'as printed on the invoice',
      'Company (exactly as on file with carrier)',
      'if different',
    ])
      expect(looksLikeLabelText(v), v).toBe(true);
  });

  it('names of businesses and people are not', () => {
    for (const v of ['Brand Name Co', 'Johnson & Reyes', 'Bill Smith', 'Red Rock Express', 'Operations Director'])
      expect(looksLikeLabelText(v), v).toBe(false);
  });

  it('lower-case hint words run into the front of a name are dropped', () => {
    const page = pageOf([
      [48, 84, 'Customer name on file Sandhill Family Dentistry, LLP'],
      [400, 84, 'Dmitri Delgado'],
      [48, 98, 'Acct No.'],
      [142, 98, '757-555-0131-927'],
    ]);
    expect(extractFields([page], 'csr').fields.account_name?.value).toBe('Sandhill Family Dentistry, LLP');
  });

  it('a long label run into its value on the value column is cut there', () => {
    const label = 'Name (as shown on your statement)';
    const col = 48 + textWidth(label, 'sans', 10) + textWidth(' ', 'sans', 10);
    const page = pageOf([
      [48, 69, 'Date Printed'],
      [col, 69, '11/11/2024'],
      [48, 86, label],
      [col, 86, 'Keystone Bakery & Cafe PC'],
      [48, 102, 'Acct No.'],
      [col, 102, '828-989-6864-37'],
      [48, 118, 'Status'],
      [col, 118, 'ACTIVE'],
    ]);
    expect(extractFields([page], 'csr').fields.account_name?.value).toBe('Keystone Bakery & Cafe PC');
  });
});
