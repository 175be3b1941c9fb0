import { describe, expect, it } from 'vitest';
import { classifyDocument, extractFields } from '../../electron/core/extract/index.js';
import { generateDocuments, LAYOUTS } from '../fixtures/generator/index.js';
import { pageOf } from '../fixtures/generator/handmade.js';

describe('classifyDocument', () => {
  it('tells LOAs, invoices and CSRs apart in every layout', () => {
    const wrong: string[] = [];
    for (const f of generateDocuments({ seed: 70_000, count: 150 })) {
      const c = classifyDocument(f.pages);
      if (c.kind !== f.kind || c.confidence < 0.5) wrong.push(`${f.id}: ${c.kind} (${c.confidence})`);
    }
    expect(wrong).toEqual([]);
  });

  it('says "other" for a document that is none of the three', () => {
    const memo = pageOf([
      [72, 80, 'Team lunch on Friday', { font: 'sans-bold', size: 16 }],
      [72, 110, 'Hi all, we are meeting at noon in the main conference room. Please bring your laptop.'],
      [72, 126, 'Thanks, Maria'],
    ]);
    expect(classifyDocument([memo]).kind).toBe('other');
    expect(extractFields([memo]).kind).toBe('other');
  });

  it('classifies when no hint is given and trusts the hint when there is one', () => {
    const [f] = generateDocuments({ seed: 71_000, count: 1, layouts: ['csr-table'] });
    expect(extractFields(f!.pages).kind).toBe('csr');
    expect(extractFields(f!.pages, 'invoice')).toMatchObject({ kind: 'invoice', kind_confidence: 1 });
    expect(Object.keys(LAYOUTS).length).toBeGreaterThanOrEqual(12);
  });
});
