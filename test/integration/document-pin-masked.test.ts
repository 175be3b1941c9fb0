import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/contract/documents.js';
import { openCore, type Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';

const PIN = '4476'; // test/fixtures/generator/samples/loa-form-7.truth.json
const LOA = path.resolve('test/fixtures/generator/samples/loa-form-7.pdf');

async function readyDocument(core: Core, caseId: number): Promise<DocumentSummary> {
  const doc = await core.call('documents.attach', {
    caseId,
    name: 'loa.pdf',
    dataBase64: fs.readFileSync(LOA).toString('base64'),
  });
  let summary: DocumentSummary = doc;
  for (let i = 0; i < 600 && (summary.status === 'queued' || summary.status === 'reading'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    summary = (await core.call('documents.list', { caseId }))[0]!;
  }
  expect(summary.status).toBe('ready');
  return summary;
}

/** What the renderer receives for a call: the answer as it crosses the contract (JSON over IPC/HTTP). */
async function onTheWire(core: Core, name: string, input: unknown): Promise<string> {
  const res = await core.dispatch(name, input);
  expect(res).toMatchObject({ ok: true });
  return JSON.stringify(res);
}

describe('a PIN read from a document', () => {
  it('never reaches the renderer in fields, page words, corrections or the history unless revealed; the review still compares it', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback' });
    try {
      const c = await core.call('cases.create', {
        fields: { entity_name: 'Masked Pin Dental' },
        numbersText: '3125550100',
      });
      const doc = await readyDocument(core, c.id);
      // the core itself read it (the comparison and porting use the real value)
      expect(core.ctx.db.prepare("SELECT COUNT(*) AS n FROM document_fields WHERE field = 'pin'").get()).toEqual({
        n: 1,
      });

      const fields = await core.call('documents.fields', { id: doc.id });
      const pin = fields.find((f) => f.field === 'pin')!;
      expect(pin.value).toEqual({ masked: true });
      expect(pin.extracted!.value).toEqual({ masked: true });
      expect(pin.page).toBe(1);
      expect(pin.bbox).not.toBeNull(); // the evidence box stays, so the person can find it on the page
      expect(await onTheWire(core, 'documents.fields', { id: doc.id })).not.toContain(PIN);

      // at rest the PIN's words are sealed like the field; the core opens them (reading again as another kind needs them)
      const stored = () =>
        (
          core.ctx.db.prepare('SELECT words FROM document_pages WHERE document_id = ?').all(doc.id) as {
            words: string;
          }[]
        )
          .map((r) => r.words)
          .join(' ');
      expect(stored()).not.toContain(PIN);
      expect(stored()).toMatch(/"text":"enc1:/);
      // so are the extractor's candidates kept for the review: the PIN's own, and any other field's that spells it
      const candidates = (
        core.ctx.db.prepare('SELECT field, candidates FROM document_fields WHERE document_id = ?').all(doc.id) as {
          field: string;
          candidates: string | null;
        }[]
      ).filter((r) => r.candidates);
      for (const r of candidates.filter((x) => x.field === 'pin')) expect(r.candidates).toMatch(/^enc1:/);
      expect(candidates.map((r) => r.candidates).join(' ')).not.toContain(PIN);
      expect(stored()).toMatch(/Agency|Authoriz/i);
      const detail = await onTheWire(core, 'documents.get', { id: doc.id });
      expect(detail).not.toContain(PIN);
      expect(detail).toContain('••••'); // the PIN's words are there, as dots
      expect(detail).toMatch(/Letter of Agency|Authoriz/i); // and the rest of the page is not

      const review = await onTheWire(core, 'review.compare', { caseId: c.id });
      expect(review).not.toContain(PIN);

      // asked for: the value, and a line in the history saying it was shown
      expect(await core.call('documents.revealField', { id: doc.id, field: 'pin' })).toEqual({
        value: PIN,
        extractedValue: PIN,
      });
      const history = await core.call('cases.history', { id: c.id });
      expect(history[0]).toMatchObject({ action: 'document-pin-revealed' });
      await expect(core.call('documents.revealField', { id: doc.id, field: 'account_number' })).rejects.toThrow(
        /not masked/,
      );

      // a correction answers masked and leaves no digits in the history either
      const corrected = await onTheWire(core, 'documents.correctField', { id: doc.id, field: 'pin', value: '918273' });
      expect(corrected).not.toContain('918273');
      const wireHistory = await onTheWire(core, 'cases.history', { id: c.id });
      expect(wireHistory).not.toContain('918273');
      expect(wireHistory).not.toContain(PIN);
      expect(await core.call('documents.revealField', { id: doc.id, field: 'pin' })).toEqual({
        value: '918273',
        extractedValue: PIN,
      });

      // read again as an LOA the person chose: the sealed words are opened, the PIN found again, and sealed again
      await core.call('documents.setKind', { id: doc.id, kind: 'loa' });
      expect(await core.call('documents.revealField', { id: doc.id, field: 'pin' })).toEqual({
        value: '918273',
        extractedValue: PIN,
      });
      expect(stored()).not.toContain(PIN);
      expect(await onTheWire(core, 'documents.get', { id: doc.id })).not.toContain(PIN);
    } finally {
      await core.close();
    }
  }, 120_000);
});
