import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';
import { caseWithDocs, reviewDocs } from './review-fixtures.js';

process.env.PORTDESK_OCR_WORKERS = '1';

const TODAY = new Date(2025, 2, 5, 12, 0, 0);
const DATES = { loaDate: '2025-03-01', invoiceDate: '2025-02-20', csrDate: '2025-02-25' };
// the specialist typed the suite from an e-mail: the case says 210, every document says 200
const TYPED = {
  entity_name: 'Lakeview Dental Group LLC',
  authorized_person: 'Maria Lopez',
  losing_carrier: 'AT&T',
  account_number: '831000441770',
  service_street: '1200 W Madison St',
  service_unit: 'Suite 210',
  service_city: 'Chicago',
  service_state: 'IL',
  service_zip: '60607',
};

let core: Core;
beforeEach(() => {
  core = openCore({
    dataDir: tempDir('portdesk-review-apply-'),
    hostKind: 'loopback',
    actor: 'tester',
    now: () => TODAY,
  });
});
afterEach(async () => {
  await core.close();
});

describe('review.applyValue', () => {
  it('copies the CSR service address into the case exactly, records it in the history, and the LOCATION_MISMATCH clears', async () => {
    const { caseId } = await caseWithDocs(core, await reviewDocs(DATES), TYPED);
    const before = await core.call('review.compare', { caseId });
    const loc = before.predicted_rejections.find((p) => p.code === 'LOCATION_MISMATCH');
    expect(loc).toMatchObject({ field: 'service_address', level: 'blocker' });
    expect(loc!.action).toMatch(/address on file with the carrier/);
    expect(loc!.reason).toMatch(/^Case/);
    expect(before.fields.service_address.verdict).toBe('mismatch');
    // the unit row says which part differs, per source
    const unit = before.address_parts.find((p) => p.part === 'unit');
    expect(unit).toMatchObject({ verdict: 'mismatch', values: { loa: 'STE 200', csr: 'STE 200', case: 'STE 210' } });
    const proposal = before.apply.find((a) => a.field === 'service_address' && a.source === 'csr');
    expect(proposal?.changes).toEqual(
      expect.arrayContaining([{ field: 'service_unit', from: 'Suite 210', to: 'STE 200' }]),
    );
    expect((await core.call('cases.list', {})).rows[0]!.blockers).toBe(before.counts.blockers);

    const rec = await core.call('cases.get', { id: caseId });
    const { case: after, review } = await core.call('review.applyValue', {
      caseId,
      version: rec.version,
      field: 'service_address',
      source: 'csr',
    });
    expect(after).toMatchObject({
      service_street: '1200 W MADISON ST',
      service_unit: 'STE 200',
      service_city: 'CHICAGO',
      service_state: 'IL',
      service_zip: '60607',
      version: rec.version + 1,
    });
    expect(review.predicted_rejections.map((p) => p.code)).not.toContain('LOCATION_MISMATCH');
    expect(review.fields.service_address.verdict).toBe('match');
    expect(review.apply.find((a) => a.field === 'service_address' && a.source === 'csr')).toBeUndefined();
    expect(review.counts.blockers).toBe(before.counts.blockers - 1);
    expect((await core.call('cases.list', {})).rows[0]!.blockers).toBe(review.counts.blockers);

    const [entry] = await core.call('cases.history', { id: caseId });
    expect(entry).toMatchObject({ action: 'applied CSR value', actor: 'tester' });
    expect(entry!.changes).toEqual(
      expect.arrayContaining([
        { field: 'service_unit', from: 'Suite 210', to: 'STE 200' },
        { field: 'service_street', from: '1200 W Madison St', to: '1200 W MADISON ST' },
      ]),
    );
  });

  it("replaces a name that differs only in form with the carrier's exact string", async () => {
    const { caseId } = await caseWithDocs(core, await reviewDocs(DATES), TYPED);
    const before = await core.call('review.compare', { caseId });
    expect(before.fields.account_name).toMatchObject({ verdict: 'equivalent', proposed: 'LAKEVIEW DENTAL GROUP LLC' });
    const version = (await core.call('cases.get', { id: caseId })).version;
    const { case: after } = await core.call('review.applyValue', { caseId, version, field: 'account_name' });
    expect(after.entity_name).toBe('LAKEVIEW DENTAL GROUP LLC');
    const review = await core.call('review.compare', { caseId });
    expect(review.fields.account_name.values.case).toBe('LAKEVIEW DENTAL GROUP LLC');
    // the LOA still writes it in mixed case: still a warning, never a blocker
    expect(
      review.risks.some((r) => r.code === 'ENTITY_NAME_MISMATCH' && /LOA/.test(r.reason) && !/Case/.test(r.reason)),
    ).toBe(true);
  });

  it('cannot make an LOA that says the wrong suite agree: the LOA still blocks until a corrected one is signed', async () => {
    const { caseId } = await caseWithDocs(core, await reviewDocs({ ...DATES, loaUnit: 'Suite 210' }), {});
    const version = (await core.call('cases.get', { id: caseId })).version;
    const { case: after, review } = await core.call('review.applyValue', {
      caseId,
      version,
      field: 'service_address',
      source: 'csr',
    });
    expect(after.service_unit).toBe('STE 200');
    const loc = review.predicted_rejections.filter((p) => p.code === 'LOCATION_MISMATCH');
    expect(loc).toHaveLength(1);
    expect(loc[0]!.reason).toMatch(/^LOA/);
    expect(review.address_parts.find((p) => p.part === 'unit')?.values).toMatchObject({
      loa: 'STE 210',
      case: 'STE 200',
    });
  });

  it('refuses a stale version and a document the case does not have, changing nothing', async () => {
    const docs = await reviewDocs(DATES);
    const { caseId } = await caseWithDocs(core, { loa: docs.loa, csr: docs.csr }, TYPED);
    const rec = await core.call('cases.get', { id: caseId });
    await expect(
      core.call('review.applyValue', { caseId, version: rec.version - 1, field: 'service_address' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      core.call('review.applyValue', { caseId, version: rec.version, field: 'account_number', source: 'invoice' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('no read invoice') });
    // an acronym stays one inside the sentence
    await expect(
      core.call('review.applyValue', { caseId, version: rec.version, field: 'btn', source: 'invoice' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('to copy the BTN from') });
    await expect(
      core.call('review.applyValue', { caseId, version: rec.version, field: 'pin' as never }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await core.call('cases.get', { id: caseId })).toEqual(rec);
  });

  it('never writes a misread city or clears the state: those parts are withheld and the case keeps its own', async () => {
    const { caseId, docIds } = await caseWithDocs(core, await reviewDocs(DATES), TYPED);
    // the CSR's address read badly: a postcode-like city, no state, the ZIP's digits read as letters
    const misread = {
      street_line: '1200 W Madison St',
      unit: 'STE 200',
      city: 'BN1',
      state: '',
      zip5: '6O6O7',
      zip4: '',
    };
    await core.call('documents.correctField', { id: docIds.csr!, field: 'service_address', value: misread });
    const review = await core.call('review.compare', { caseId });
    const proposal = review.apply.find((a) => a.field === 'service_address' && a.source === 'csr');
    expect(proposal?.changes).toEqual([{ field: 'service_unit', from: 'Suite 210', to: 'STE 200' }]);
    expect(proposal?.withheld?.map((w) => w.field)).toEqual(['service_city', 'service_state', 'service_zip']);
    expect(proposal?.withheld?.[0]?.why).toMatch(/no digits.*keeps "Chicago"/);

    const rec = await core.call('cases.get', { id: caseId });
    const out = await core.call('review.applyValue', {
      caseId,
      version: rec.version,
      field: 'service_address',
      source: 'csr',
    });
    expect(out.case).toMatchObject({
      service_street: '1200 W Madison St',
      service_unit: 'STE 200',
      service_city: 'Chicago',
      service_state: 'IL',
      service_zip: '60607',
    });
  });

  it('never offers (nor applies) an invoice or LOA value over a case value that already matches the CSR', async () => {
    const { caseId, docIds } = await caseWithDocs(core, await reviewDocs(DATES), {
      ...TYPED,
      account_number: '831000441770',
    });
    // the invoice's account number reads differently; the case holds the CSR's
    await core.call('documents.correctField', { id: docIds.invoice!, field: 'account_number', value: '831000441779' });
    const review = await core.call('review.compare', { caseId });
    expect(review.fields.account_number.values.csr).toBe('831000441770');
    expect(review.apply.filter((a) => a.field === 'account_number')).toEqual([]);
    const rec = await core.call('cases.get', { id: caseId });
    await expect(
      core.call('review.applyValue', { caseId, version: rec.version, field: 'account_number', source: 'invoice' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining("already holds the CSR's") });
    expect((await core.call('cases.get', { id: caseId })).account_number).toBe('831000441770');
  });
});
