import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf } from '../fixtures/generator/handmade.js';

/* A service address label that wraps in a grid cell, its value wrapping in the cell beside it. */

const street = (page: ReturnType<typeof pageOf>) => extractFields([page], 'invoice').fields.service_address?.value;

describe('a wrapped service address label in a key/value grid', () => {
  it('"SERVICE" / "ADDRESS" stacked (a generic head word) reads the whole wrapped value', () => {
    const a = street(
      pageOf([
        [48, 90, 'COMPANY'],
        [145, 90, 'Berg & Dubois LLP'],
        [263, 90, 'DUE DATE'],
        [360, 90, '10/28/2023'],
        [48, 109, 'DOCUMENT NO.'],
        [145, 109, '0527886'],
        [263, 109, 'SERVICE'],
        [360, 109, '6651 Northeast'],
        [263, 123, 'ADDRESS'],
        [360, 123, 'Oak Boulevard'],
        [360, 137, 'Oklahoma City, OK'],
        [360, 151, '73106'],
      ]),
    );
    expect(a).toMatchObject({ street_line: '6651 Northeast Oak Boulevard', city: 'Oklahoma City', zip5: '73106' });
  });

  it('"Service" / "Address (no" / "P.O. Box)" reads the value beside it', () => {
    const a = street(
      pageOf([
        [48, 90, 'Business Name'],
        [125, 90, 'Timberline'],
        [392, 90, 'Service'],
        [469, 90, '192 Pearl Way'],
        [125, 102, 'Accounting'],
        [392, 102, 'Address (no'],
        [469, 102, 'Virginia Beach,'],
        [392, 114, 'P.O. Box)'],
        [469, 114, 'VA 23452'],
        [48, 128, 'Acct No.'],
        [125, 128, '480767840'],
      ]),
    );
    expect(a).toMatchObject({ street_line: '192 Pearl Way', city: 'Virginia Beach', state: 'VA', zip5: '23452' });
  });

  it('a label whose qualifier wraps under it ("(no P.O. Box):") keeps the value going beside it', () => {
    const a = street(
      pageOf([
        [48, 90, 'Company:'],
        [130, 90, 'Kowalski & Brennan P.A.'],
        [330, 90, 'Service Address 29 South Stone'],
        [330, 101, '(no P.O. Box):'],
        [412, 101, 'Creek Highway,'],
        [412, 112, 'Floor 19'],
        [412, 123, 'North Little Rock,'],
        [412, 134, 'AR 72199'],
      ]),
    );
    expect(a).toMatchObject({ street_line: '29 South Stone Creek Highway', city: 'North Little Rock', zip5: '72199' });
  });
});
