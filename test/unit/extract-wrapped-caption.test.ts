/**
 * A caption that wraps over two lines in a label-left form ("Business /" over "Organization Name"), its
 * value starting beside the caption's first line and going on down ("Silver Creek" / "Pediatric" /
 * "Associates" / "Incorporated"): the value's first line is the words beside the caption's first line, not
 * only those from beside its last (review dev port 45667, a false ENTITY_NAME: the name read without
 * "Silver Creek"). The forms below are synthetic; the wordings are ours.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../electron/core/documents/read.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { devPort } from '../bench/review-ports.js';
import { PageBuilder, type TextStyle } from '../fixtures/generator/layout.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

const LABEL: TextStyle = { font: 'sans', size: 9 };
const VALUE: TextStyle = { font: 'serif', size: 10 };

async function form(caption: [string, string], name: string[]) {
  const p = new PageBuilder();
  p.text(40, 60, 'Letter of Authorization', { font: 'sans-bold', size: 14 });
  p.text(300, 110, caption[0], LABEL);
  p.text(300, 125, caption[1], LABEL);
  name.forEach((n, i) => p.text(440, 110 + 15 * i, n, VALUE));
  p.text(300, 110 + 15 * name.length + 12, 'Authorized Signer', LABEL);
  p.text(440, 110 + 15 * name.length + 12, 'Maria Lindqvist', VALUE);
  p.text(40, 110, 'Account Number', LABEL);
  p.text(130, 110, '7731009218', VALUE);
  const doc = await readDocument(await renderTextPdf({ pages: [p.build()] }), { name: 'loa.pdf' });
  return extractFields(doc.pages, 'loa').fields;
}

describe('a name beside a caption that wraps', () => {
  it('starts the name beside the caption’s first line', async () => {
    const f = await form(['Business /', 'Organization Name'], ['Harbor Light', 'Dental Group', 'LLC']);
    expect(f.account_name?.value).toBe('Harbor Light Dental Group LLC');
    const g = await form(['Customer or', 'Company Name'], ['Northgate Marine', 'Supply Incorporated']);
    expect(g.account_name?.value).toBe('Northgate Marine Supply Incorporated');
  });

  it('reads the whole name on the review port that lost its first words', async () => {
    const p = devPort(45667, 'mild', { standins: 70 });
    const f = extractFields(p.loa.pages, 'loa').fields;
    expect(f.account_name?.value).toBe(p.loa.truth.account_name);
  });
});
