import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { withoutLabelPrefix } from '../../electron/core/extract/labels.js';
import { pageOf } from '../fixtures/generator/handmade.js';

/* Names that carry label words in front, and names read from a cell that may have wrapped. */

describe('label words in front of a name', () => {
  it('a run of label words naming a concept is dropped', () => {
    expect(withoutLabelPrefix('CUSTOMER LEGAL Johnson & Reyes PC', 'invoice')?.value).toBe('Johnson & Reyes PC');
  });

  it('a name that merely starts with a label word is kept', () => {
    expect(withoutLabelPrefix('Customer Care Group LLC', 'invoice')).toBeNull();
    expect(withoutLabelPrefix('Harbor Light Dental LLC', 'invoice')).toBeNull();
  });
});

describe('a name cell that continues in its column', () => {
  it('is not reported as near-certain when unlabelled words sit right under it', () => {
    const page = pageOf([
      [72, 100, 'Account Holder'],
      [160, 100, 'Evergreen Law Offices'],
      [320, 100, 'BTN'],
      [380, 100, '907-683-3700'],
      [72, 111, 'Name'],
      [160, 111, 'Corporation'],
      [72, 130, 'Account Nbr'],
      [160, 130, '403009924'],
    ]);
    const f = extractFields([page], 'invoice').fields.account_name;
    expect(f).toBeDefined();
    if (f!.value !== 'Evergreen Law Offices Corporation') expect(f!.confidence).toBeLessThan(0.9);
  });

  it('a plain labelled name with the next row under it keeps its confidence', () => {
    const page = pageOf([
      [72, 100, 'Account Name:'],
      [160, 100, 'Evergreen Law Offices LLC'],
      [72, 111, 'Account Number:'],
      [160, 111, '403009924'],
    ]);
    const f = extractFields([page], 'invoice').fields.account_name;
    expect(f?.value).toBe('Evergreen Law Offices LLC');
    expect(f!.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('OCR punctuation before a legal form', () => {
  it('a semicolon read for the comma before the legal form is the comma', () => {
    const page = pageOf([
      [72, 100, 'Account Name:'],
      [160, 100, 'Keystone Physical Therapy; P.A.'],
      [72, 111, 'Account Number:'],
      [160, 111, '403009924'],
    ]);
    expect(extractFields([page], 'invoice').fields.account_name?.value).toBe('Keystone Physical Therapy, P.A.');
  });
});
