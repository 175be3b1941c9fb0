import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * A numbered port questionnaire under the gaining provider's letterhead (its own street and city at the top): the
 * service address is the answer to a numbered question, even when no vocabulary knows the question's caption —
 * never the provider's letterhead address, never the answer to a billing question. Wordings are invented here.
 */

const LETTERHEAD: TextLine[] = [
  [40, 34, 'Clearline Communications, Inc.', { size: 15 }],
  [40, 58, '4291 Oak Cir', { size: 7 }],
  [40, 67, 'Minneapolis, MN 55427-5447', { size: 7 }],
  [40, 76, 'T 866-555-0149   F 866-404-5442', { size: 7 }],
  [40, 106, 'PORT-IN QUESTIONNAIRE', { size: 12 }],
];

function questionnaire(items: [string, string][]): TextLine[] {
  const lines = [...LETTERHEAD];
  items.forEach(([caption, answer], i) => {
    const y = 140 + i * 16;
    lines.push([46, y, `${i + 1}.`, { size: 9 }]);
    lines.push([66, y, `${caption} ..........`, { size: 9 }]);
    lines.push([290, y, answer, { size: 9 }]);
  });
  return lines;
}

const read = (lines: TextLine[]): ExtractedFields => extractFields([pageOf(lines)], 'loa').fields;

describe("a numbered question's address answer under an unknown caption is the service address", () => {
  for (const caption of ['Where Service Is', 'Physical Spot', 'Place of Install'])
    it(`"${caption}"`, () => {
      const f = read(
        questionnaire([
          ['Legal name of customer', 'Prairie Wind Plumbing LLP'],
          ['Customer code', '996-367-8785-49'],
          [caption, '6032 South Oak Court, San Luis Obispo, CA 93401'],
        ]),
      );
      expect(f.service_address?.value.street_line).toBe('6032 South Oak Court');
      expect(f.service_address?.value.city).toBe('San Luis Obispo');
      // read by its place, not its caption: a guess the review checks
      expect(f.service_address!.confidence).toBeLessThan(0.9);
    });

  for (const billing of ['Invoices Go To', 'Bill Mailing', 'Statement Address'])
    it(`never the answer to a billing question ("${billing}")`, () => {
      const f = read(
        questionnaire([
          ['Legal name of customer', 'Prairie Wind Plumbing LLP'],
          ['Where Service Is', '6032 South Oak Court, San Luis Obispo, CA 93401'],
          [billing, 'PO Box 4410, Fresno, CA 93744'],
        ]),
      );
      expect(f.service_address?.value.city).not.toBe('Fresno');
    });
});

/*
 * An account question of unknown wording beside a PIN question whose words name the PIN and a number ("Secret
 * Number"): the PIN's answer, an eight-digit code, has an account's grammar too, but it is the PIN's — no rival
 * that keeps the account from being read by elimination.
 */
describe("the PIN's question is no rival for an account caption of unknown wording", () => {
  for (const account of ['Ledger Key', 'Vault Tag', 'Record Mark'])
    for (const pin of ['Secret Number', 'Secret No.'])
      it(`"${account}" beside "${pin}"`, () => {
        const f = read(
          questionnaire([
            ['Legal name of customer', 'Prairie Wind Plumbing LLP'],
            [account, '5028311540382'],
            [pin, '24592430'],
            ['Service address', '6032 South Oak Court, San Luis Obispo, CA 93401'],
          ]),
        );
        expect(f.account_number?.value).toBe('5028311540382');
        expect(f.account_number!.confidence).toBeLessThan(0.9);
        expect(f.pin?.value).toBe('24592430');
      });
});
