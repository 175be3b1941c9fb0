import { describe, expect, it } from 'vitest';
import { compareCase } from '../../electron/core/compare/index.js';
import { finder } from '../../electron/core/compare/finder.js';
import type { CompareInput } from '../../shared/domain/comparison.js';
import type { PageText, ServiceAddress } from '../../shared/domain/document.js';
import { parseAddress } from '../../shared/normalize/address.js';
import { normalizeBusinessName } from '../../shared/normalize/names.js';
import { fv } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * Compare remembers what it worked out about a document's words (each address block parsed once,
 * each address search made once, label words named once): what it remembers must follow the words.
 * A document whose pages are replaced is searched again, two cases never answer from each other's
 * pages, and a value changed between two asks is looked for again.
 */

const addr = (street_line: string): ServiceAddress => ({
  street_line,
  unit: '',
  city: 'WORCESTER',
  state: 'MA',
  zip5: '01609',
  zip4: '',
});

/** A CSR whose service address block writes `street`. */
const csrPages = (street: string): PageText[] =>
  page([
    [40, 40, 'ACCOUNT RECORD'],
    [40, 60, 'Account Name: KEYSTONE STORAGE CENTERS LTD'],
    [40, 100, `Service Address: ${street}`],
    [40, 112, 'WORCESTER MA 01609'],
  ]);
const WRITES_LOA_ADDRESS = csrPages('86 CORAL REEF BOULEVARD');
const WRITES_ANOTHER = csrPages('68 CORAL REEF BOULEVARD');

/** The LOA's address read surely; the CSR's read unsure as another house number: the CSR's words settle it. */
const review = (csr: PageText[]) =>
  compareCase({
    asOf: '2026-03-10',
    loa: {
      service_address: fv(addr('86 Coral Reef Blvd'), 0.97),
      account_name: fv('Keystone Storage Centers Ltd', 0.97),
    },
    csr: {
      service_address: fv(addr('66 CORAL REEF BOULEVARD'), 0.5),
      account_name: fv('KEYSTONE STORAGE CENTERS LTD', 0.97),
    },
    pages: { csr },
  } as CompareInput);

describe("compare's remembered searches follow the document's words", () => {
  it("a case compared, its CSR's pages replaced, compared again: the new words decide, then the old ones again", () => {
    const first = review(WRITES_LOA_ADDRESS);
    // the LOA's address is written under the CSR's label: the unsure reading was a misread
    expect(first.fields.service_address.verdict).toBe('match');
    const replaced = review(WRITES_ANOTHER);
    // the new words write another house number: no longer settled, the specialist looks
    expect(replaced.fields.service_address.verdict).toBe('check');
    expect(replaced.checks.map((c) => c.field)).toContain('service_address');
    // the same as a compare of words never seen before (a copy: nothing remembered for it)
    expect(JSON.stringify(replaced)).toBe(JSON.stringify(review(structuredClone(WRITES_ANOTHER))));
    expect(JSON.stringify(review(WRITES_LOA_ADDRESS))).toBe(JSON.stringify(first));
  });

  it('two cases with different pages answer the same address from their own words', () => {
    const value = parseAddress('86 Coral Reef Blvd, Worcester MA 01609');
    const one = finder({ csr: WRITES_LOA_ADDRESS });
    const other = finder({ csr: WRITES_ANOTHER });
    expect(one.address(value, 'csr')?.text).toContain('86');
    expect(other.address(value, 'csr')).toBeNull();
    // asked again, in the other order
    expect(other.address(value, 'csr')).toBeNull();
    expect(one.address(value, 'csr')?.text).toContain('86');
  });

  it('a value changed between two asks is looked for again; what was handed out may be changed by its holder', () => {
    const find = finder({ csr: WRITES_ANOTHER });
    const value = parseAddress('86 Coral Reef Blvd, Worcester MA 01609');
    expect(find.address(value, 'csr')).toBeNull();
    value.house_number = '68';
    value.raw = '68 Coral Reef Blvd, Worcester MA 01609';
    const found = find.address(value, 'csr');
    expect(found?.text).toContain('68');
    const box = [...found!.bbox];
    found!.bbox[0] = -1;
    found!.text = '';
    expect(find.address(value, 'csr')?.bbox).toEqual(box);
    expect(find.address(value, 'csr')?.text).toContain('68');
  });

  it('a business name normalised once is handed out afresh: a caller changing its words changes no later answer', () => {
    const n = normalizeBusinessName('Keystone Storage Centers, Ltd.');
    const before = { key: n.key, tokens: [...n.tokens], suffixes: [...n.suffixes] };
    expect(before.suffixes).toEqual(['LTD']);
    n.tokens.push('X');
    n.suffixes.length = 0;
    const again = normalizeBusinessName('Keystone Storage Centers, Ltd.');
    expect({ key: again.key, tokens: again.tokens, suffixes: again.suffixes }).toEqual(before);
  });
});
