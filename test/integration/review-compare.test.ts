import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { generateDocument } from '../fixtures/generator/index.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';

process.env.PORTDESK_OCR_WORKERS = '1';

let dir: string;
let core: Core;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-review-'));
  core = openCore({ dataDir: dir, hostKind: 'loopback', actor: 'tester' });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const hasExtractor = fs.existsSync(fileURLToPath(new URL('../../electron/core/extract/index.ts', import.meta.url)));

async function attach(caseId: number, layout: string, seed: number) {
  const doc = generateDocument(seed, layout);
  const bytes = await renderTextPdf(doc.model);
  const d = await core.call('documents.attach', {
    caseId,
    name: `${layout}.pdf`,
    dataBase64: Buffer.from(bytes).toString('base64'),
  });
  return { id: d.id, truth: doc.truth };
}

describe('review.compare', () => {
  it('without documents, says what cannot be checked and counts no blocker', async () => {
    const c = await core.call('cases.create', {
      fields: { entity_name: 'Acme Plumbing LLC', btn: '312-555-0147' },
      numbersText: '312-555-0147',
    });
    const r = await core.call('review.compare', { caseId: c.id, asOf: '2025-03-01' });
    expect(r.documents_used).toEqual({ loa: null, invoice: null, csr: null, extra_csrs: [] });
    expect(r.not_checked).toEqual(expect.arrayContaining(['account_name', 'btn', 'service_address']));
    expect(r.predicted_rejections).toEqual([]);
    expect(r.fields.account_name.values.case).toBe('Acme Plumbing LLC');
  });

  it('refuses an unknown case', async () => {
    await expect(core.call('review.compare', { caseId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.skipIf(!hasExtractor)(
    'compares the documents read for a case, uses corrections and records the blocker count',
    async () => {
      const seed = 11;
      const c = await core.call('cases.create', { fields: {} });
      const loa = await attach(c.id, 'loa-form', seed);
      const csr = await attach(c.id, 'csr-keyvalue', seed);
      await core.services.documents.idle();
      await core.call('documents.setKind', { id: loa.id, kind: 'loa' });
      await core.call('documents.setKind', { id: csr.id, kind: 'csr' });

      const clean = await core.call('review.compare', { caseId: c.id, asOf: loa.truth.document_date ?? '2025-01-01' });
      expect(clean.documents_used).toMatchObject({ loa: loa.id, csr: csr.id, invoice: null });
      expect(clean.fields.account_number.reference).toBe('csr');
      expect(clean.predicted_rejections.map((p) => p.code)).not.toContain('ACCOUNT_NUMBER_MISMATCH');

      // the specialist corrects the LOA's account number to a wrong value: the carrier would reject it
      await core.call('documents.correctField', { id: loa.id, field: 'account_number', value: '0000000001' });
      const planted = await core.call('review.compare', {
        caseId: c.id,
        asOf: loa.truth.document_date ?? '2025-01-01',
      });
      expect(planted.fields.account_number).toMatchObject({ verdict: 'mismatch', values: { loa: '0000000001' } });
      const p = planted.predicted_rejections.find((x) => x.code === 'ACCOUNT_NUMBER_MISMATCH');
      expect(p?.evidence.loa?.value).toBe('0000000001');
      const row = (await core.call('cases.list', {})).rows.find((x) => x.id === c.id);
      expect(row?.blockers).toBe(planted.counts.blockers);
      expect(planted.counts.blockers).toBeGreaterThan(0);
    },
  );
});
