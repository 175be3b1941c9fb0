import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { generatorPorts } from '../bench/review-ports.js';
import { rewrite } from '../helpers/pages.js';

/*
 * The party an LOA's own sentences authorise is the gaining carrier — the porting company — never the
 * account's signer or holder, whatever caption the reader took it under: dev port 9265's title "LETTER |
 * OF AUTHORIZATION" reads as a person's caption over "Requested by: Meridian Cloud Voice", and gave that
 * company as the authorized person although the grid's "Contact Name" gives Fatima Garcia. While another
 * candidate remains it is dropped (isAuthorisedParty, as for a name read by its shape). The company and
 * the requester's caption are written otherwise too.
 */

// (the draw of the time: 36 stand-ins)
const port = generatorPorts('dev', 1, { offset: 9264, standins: 36, scanShare: 0, noise: 'mild' })[0]!;

describe('the gaining carrier the letter authorises is not the signer (dev port 9265)', () => {
  it('draws the letter this test is about', () => {
    expect([port.seed, port.loa.layout, port.gaining]).toEqual([9265, 'loa-grid', 'Meridian Cloud Voice']);
  });

  for (const [gaining, requester] of [
    [
      ['Meridian', 'Cloud', 'Voice'],
      ['Requested', 'by:'],
    ],
    [
      ['Northstar', 'Voice'],
      ['Requested', 'by:'],
    ],
    [
      ['Ashford', 'Cloud', 'Porting'],
      ['Gaining', 'provider:'],
    ],
    [
      ['Clearline', 'Communications', 'Inc.'],
      ['New', 'carrier:'],
    ],
  ] as const)
    it(`"${requester.join(' ')} ${gaining.join(' ')}" under the title, authorised in the letter's sentence`, () => {
      const pages = rewrite(
        rewrite(port.loa.pages, ['Meridian', 'Cloud', 'Voice'], [...gaining]),
        ['Requested', 'by:'],
        [...requester],
      );
      const f = extractFields(pages, 'loa').fields;
      expect(f.authorized_person?.value).toBe('Fatima Garcia');
      expect(f.account_name?.value).toBe('Prairie Wind Insurance Agency L.L.C.');
    });
});
