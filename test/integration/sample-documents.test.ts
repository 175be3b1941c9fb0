import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';

/*
 * "Load sample cases" on the first day: the cases in review come with an LOA, an invoice and a CSR,
 * read like uploads, so the review can be tried without a real customer's papers. One sample is
 * clean; on the other the customer wrote the billing address (a PO box) as the service address, and
 * the review predicts the rejection.
 */
describe('sample cases come with documents to review', () => {
  it('reads each sample document as its kind; the clean sample can be marked ready, the other predicts the address rejection', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback', actor: 'maria' });
    try {
      await core.call('cases.loadSamples', {});
      await core.services.documents.idle();
      const inReview = (await core.call('cases.list', { status: ['review'] })).rows;
      const byName = (s: string) => inReview.find((r) => r.entity_name.startsWith(s))!.id;
      const clean = byName('Blue Ridge');
      const short = byName('Northwind');

      for (const caseId of [clean, short]) {
        const docs = await core.call('documents.list', { caseId });
        expect(docs.map((d) => [d.kind, d.status]).sort()).toEqual([
          ['csr', 'ready'],
          ['invoice', 'ready'],
          ['loa', 'ready'],
        ]);
      }

      const ok = await core.call('review.compare', { caseId: clean });
      expect(ok.predicted_rejections).toEqual([]);
      expect(ok.checks).toEqual([]);
      expect(ok.documents_used).toMatchObject({
        loa: expect.any(Number),
        invoice: expect.any(Number),
        csr: expect.any(Number),
      });
      expect(ok.ready.can_mark_ready).toBe(true);

      const off = await core.call('review.compare', { caseId: short });
      expect(off.predicted_rejections.map((r) => r.code).sort()).toEqual(['LOCATION_MISMATCH', 'POSTAL_CODE_MISMATCH']);
      expect(off.predicted_rejections.find((r) => r.code === 'LOCATION_MISMATCH')!.reason).toMatch(
        /LOA gives PO Box 4471 as the service address/,
      );
      expect(off.checks).toEqual([]);
      expect(off.ready.can_mark_ready).toBe(false);

      // the cases not in review have no documents: the queue's intake and documents stages stay as they are
      const others = (await core.call('cases.list', { status: ['intake', 'documents'] })).rows;
      for (const r of others) expect(await core.call('documents.list', { caseId: r.id })).toEqual([]);
    } finally {
      await core.close();
    }
  }, 120_000);

  it('the sample in Exception was sent by ticket and carries the e-mailed rejection, its code and the action that fixes it', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback', actor: 'maria' });
    try {
      await core.call('cases.loadSamples', {});
      const rows = (await core.call('cases.list', { status: ['exception'] })).rows;
      expect(rows.map((r) => r.entity_name)).toEqual(['Quantum Legal Partners LLP']);
      const view = await core.call('channel.get', { caseId: rows[0]!.id });
      expect(view.channel).toBe('manual');
      expect(view.manual).toMatchObject({ ticket_id: 'AIR-58213', status: 'rejected' });
      expect(view.manual.rejections).toHaveLength(1);
      expect(view.manual.rejections[0]!.codes.map((c) => c.code)).toEqual(['ACCOUNT_NUMBER_MISMATCH']);
      expect(view.manual.rejections[0]!.codes[0]!.action).toMatch(/account number/i);
      const history = await core.call('cases.history', { id: rows[0]!.id });
      expect(history.map((h) => h.note ?? '').join('\n')).toMatch(
        /Rejected \d{4}-\d{2}-\d{2} by e-mail: ACCOUNT_NUMBER_MISMATCH/,
      );
    } finally {
      await core.close();
    }
  }, 120_000);
});
