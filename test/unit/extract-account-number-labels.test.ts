import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * A grid whose label cells wrap: a name label closed by its parenthesised hint ends there, so the
 * wrapped account-number label under it ("Billing" / "Account" / "Number") is a label of its own,
 * its value beside its first cell. Several wordings of both labels.
 */

function grid(nameCells: string[], acctCells: string[]): TextLine[] {
  const rows: TextLine[] = [
    [60, 100, nameCells[0]!],
    [160, 100, 'Whitaker &'],
    [300, 100, 'Billing Date'],
    [400, 100, '7 Jan 2025'],
    [160, 112, "O'Brien Inc."],
    [300, 112, 'Due Date'],
    [400, 112, '1/10/2025'],
  ];
  nameCells.slice(1).forEach((c, i) => rows.push([60, 112 + 12 * i, c]));
  const top = 100 + 12 * nameCells.length;
  acctCells.forEach((c, i) => rows.push([60, top + 12 * i, c]));
  rows.push([160, top, '703-555-0162-908']);
  return rows;
}

describe('a wrapped account-number label under a name label closed by its hint', () => {
  it.each([
    [
      ['Name (as', 'shown on', 'your', 'statement)'],
      ['Billing', 'Account', 'Number'],
    ],
    [
      ['Name (as', 'shown on bill)'],
      ['Billing', 'Account', 'Number'],
    ],
    [
      ['Customer Name', '(as billed)'],
      ['Main', 'Account', 'Number'],
    ],
    [
      ['Name (as', 'shown on', 'your bill)'],
      ['Billing', 'Acct', 'No.'],
    ],
  ])('%j over %j', (nameCells, acctCells) => {
    const f = extractFields([pageOf(grid(nameCells, acctCells))], 'invoice').fields;
    expect(f.account_number?.value).toBe('703-555-0162-908');
    expect(f.account_name?.value).toBe("Whitaker & O'Brien Inc.");
  });
});
