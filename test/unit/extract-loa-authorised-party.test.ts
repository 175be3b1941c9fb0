import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { devPort } from '../bench/review-ports.js';
import { rewrite } from '../helpers/pages.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * The party an LOA's own sentences authorise is the gaining carrier — the porting company — never the
 * account's signer or holder, whatever caption the reader took it under: dev port 9265's title "LETTER |
 * OF AUTHORIZATION" reads as a person's caption over "Requested by: Meridian Cloud Voice", and gave that
 * company as the authorized person although the grid's "Contact Name" gives Fatima Garcia. While another
 * candidate remains it is dropped (isAuthorisedParty, as for a name read by its shape). The company and
 * the requester's caption are written otherwise too.
 */

// (the draw of the time: 36 stand-ins)
const port = devPort(9265, 'text', { standins: 36 });

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

describe('a caption ending on a verb of asking names no authorised party', () => {
  // "Person authorizing this request" over the signer: the "request" that ends the caption is no
  // sentence's "requests <party> to …", so the signer under it is no gaining carrier
  const form = (caption: string, signer: string): TextLine[] => [
    [48, 44, 'Clearline Communications, Inc.'],
    [48, 69, 'MULTI-SITE PORTING AUTHORIZATION'],
    [48, 127, 'Customer name'],
    [48, 139, 'Timberline Orthodontics P.A.'],
    [48, 156, 'Account no.'],
    [48, 168, '119769163'],
    [48, 243, caption],
    [48, 255, signer],
    [48, 272, 'Position'],
    [48, 284, 'CEO'],
    [48, 503, 'Scheduling contact'],
    [48, 528, 'Name'],
    [48, 540, 'Rebecca Martinez'],
    [48, 596, 'I authorize Clearline Communications, Inc. to notify RingCentral that the numbers are to be moved.'],
    [164, 633, signer],
    [48, 641, 'Signature'],
  ];
  for (const [caption, signer] of [
    ['Person authorizing this request', 'David Ivanova'],
    ['Authorized contact for this request', 'Amara Okafor'],
    ['Name of person authorizing this request', 'Tomas Lindqvist'],
  ] as const)
    it(`"${caption}" over "${signer}"`, () => {
      expect(extractFields([pageOf(form(caption, signer))], 'loa').fields.authorized_person?.value).toBe(signer);
    });
});
