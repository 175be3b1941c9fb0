import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { keptNumbersCaption } from '../../electron/core/extract/labels.js';
import { readGenerated, wrongFields } from '../helpers/generated.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * The numbers an LOA keeps with the current carrier, by the grammar of their caption (labels.ts
 * keptNumbersCaption): a verb of moving negated, or a verb of staying. Such a caption names no carrier
 * (the "current provider" in it is whom the numbers stay with) and its numbers never join the numbers to
 * port. And a document's title ("Letter of Authorization - …") is never the signer's caption.
 */

const loa = (lines: TextLine[]) => extractFields([pageOf(lines)], 'loa').fields;

/** A port questionnaire: numbered questions, the numbers to port, then the kept numbers under `keep`. */
function questionnaire(keep: string, title = 'Number Port Questionnaire', signer = 'Printed name'): TextLine[] {
  return [
    [40, 40, 'Harbor Line Voice'],
    [40, 70, title, { font: 'sans-bold', size: 13 }],
    [46, 100, '1.'],
    [66, 100, 'Account Name ........................'],
    [300, 100, 'Bluewater Dental Group LLC'],
    [46, 116, '2.'],
    [66, 116, 'Current Provider ....................'],
    [300, 116, 'Frontier Communications'],
    [46, 132, '3.'],
    [66, 132, 'Account Number ......................'],
    [300, 132, '4417-2208-91'],
    [46, 160, '4.'],
    [66, 160, 'Numbers to port:'],
    [70, 176, '406 555 0131'],
    [200, 176, '406 555 0178'],
    [330, 176, '406 322 8810'],
    [46, 204, '5.'],
    [66, 204, keep],
    [70, 220, '406 555 0199'],
    [200, 220, '406 871 2240'],
    [40, 260, 'I authorize Harbor Line Voice to port the numbers listed above from my current carrier.'],
    [50, 300, 'Dana Whitfield'],
    [300, 300, 'Office Manager'],
    [46, 316, signer],
    [296, 316, 'Title'],
  ];
}

const TO_PORT = ['+14065550131', '+14065550178', '+14063228810'];
const KEPT = ['+14065550199', '+14068712240'];

describe('a caption of kept numbers by its grammar', () => {
  it.each([
    'Numbers NOT moving',
    'Lines that stay with the current provider:',
    'Numbers to keep with your current carrier',
    'NUMBERS REMAINING WITH EXISTING CARRIER',
    'Lines not being transferred:',
    'TNs staying behind',
    "Numbers we won't port:",
  ])('"%s" lists the kept numbers, not numbers to port', (keep) => {
    const f = loa(questionnaire(keep));
    expect(f.phone_numbers?.value).toEqual(TO_PORT);
    expect(f.numbers_not_to_port?.value).toEqual(KEPT);
  });

  it('a caption of staying that names the current provider leaves the carrier its own caption', () => {
    const f = loa(questionnaire('Lines that stay with the current provider:'));
    expect(f.carrier_name?.value).toBe('Frontier Communications');
    expect(f.numbers_not_to_port?.value).toEqual(KEPT);
  });

  it.each(['Numbers to move:', 'More numbers to port:', 'Additional lines'])(
    '"%s" keeps no numbers: they are ported',
    (more) => {
      const f = loa(questionnaire(more));
      expect(f.numbers_not_to_port?.value ?? []).toEqual([]);
      expect(f.phone_numbers?.value).toEqual([...TO_PORT, ...KEPT]);
    },
  );

  it.each([
    ['Numbers NOT moving', true],
    ['Do not port', true],
    ['Lines to remain with', true],
    ['Numbers to move', false],
    ['Numbers you are moving to us', false],
    ['Current provider:', false],
    ['Keep a copy for your records', false],
    ['Telephone numbers to be transferred', false],
  ])('"%s" is a kept-numbers caption: %s', (text, kept) => {
    expect(keptNumbersCaption(text)).toBe(kept);
  });
});

describe("a document's title is no person's caption", () => {
  // (signer captions no surer than the title's "Authorization" read as one; "Agency" and a printed name are controls)
  it.each([
    ['Letter of Authorization - Port Questionnaire', 'Authorized Rep.'],
    ['LETTER OF AGENCY - PORT REQUEST', 'Account Contact'],
    ['Letter of Authorisation - Number Transfer', 'Representative'],
    ['Letter of Authorization - Port Questionnaire', 'Printed name'],
  ])('"%s" over the questions, "%s" under the signer: the signer is the person', (title, signer) => {
    const f = loa(questionnaire('Numbers NOT moving', title, signer));
    expect(f.authorized_person?.value).toBe('Dana Whitfield');
  });
});

describe('loa-questionnaire tune seeds the first sight read wrong', () => {
  // the kept numbers under "Lines that stay with the current provider" (21232, 21235) or "Numbers NOT
  // moving" (21230, 21251) ran into the numbers to port; the title over the questions was the signer's
  // caption (21211, 21212)
  for (const [seed, field] of [
    [21230, 'phone_numbers'],
    [21232, 'phone_numbers'],
    [21235, 'phone_numbers'],
    [21251, 'phone_numbers'],
    [21211, 'authorized_person'],
    [21212, 'authorized_person'],
  ] as const)
    it(`loa-questionnaire-${seed}: ${field}`, async () => {
      const f = generateRandom(seed, { family: 'loa-questionnaire', standins: 44, fresh: 'tune' });
      const { got } = await readGenerated(f);
      expect(wrongFields(f, got)).not.toContain(field);
    });
});
