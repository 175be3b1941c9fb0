import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index.js';
import { PacketSummary } from '../../shared/contract/export.js';
import { AppError } from '../../shared/contract/rpc.js';
import { tempDir } from '../helpers/tmp.js';
import { exportFiles, unzip } from './export-read.js';
import { NORTHWIND, readyCase, waitFor, northwindCsr } from './porting-helpers.js';
import { openWithSimulator } from './sim-helpers.js';

/**
 * The channel a case is sent through (Telnyx API, or a ticket with the carrier's support), the line
 * type of its numbers, and the gate every send goes through — on a real core (SQLite in a temp
 * folder) beside the porting simulator over HTTP.
 */

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function open(dataDir = tempDir(), now?: () => Date): Promise<Core> {
  const core = await openWithSimulator({
    dataDir,
    hostKind: 'loopback',
    actor: 'maria',
    ...(now ? { now } : {}),
    porting: { timeoutMs: 5_000, simPollMs: 3_600_000 },
  });
  cores.push(core);
  return core;
}

const CSR = northwindCsr('Vonage');

const MAIL = [
  'Hi Maria,',
  'The losing carrier rejected port request PLV-48213:',
  ' - Address mismatch: the service address on file is different.',
  ' - Incorrect service account number',
  'Please correct and resubmit through this ticket.',
].join('\n');

const refusal = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e as AppError);

describe('a carrier without an API: the manual channel', () => {
  it('records the ticket and its dated steps, reads an e-mailed rejection into codes, reviews the fix before resending, and carries the codes into the packet', async () => {
    const dataDir = tempDir();
    let core = await open(dataDir);
    const c = await readyCase(core, { ...NORTHWIND, losing_carrier: 'Vonage Business' }, '303.555.0170\n303.555.0171', {
      pin: '902211',
      csr: CSR,
    });

    // guidance for the losing carrier, though Vonage is not a reseller (seed 000: "requires an LOA")
    const first = await core.call('channel.get', { caseId: c.id });
    expect(first.channel).toBe('telnyx');
    expect(first.guidance.map((g) => [g.provider, g.why, g.reseller])).toEqual([['Vonage', ['losing'], false]]);
    expect(first.guidance[0]!.requirements.join(' ')).toMatch(/Vonage requires a Letter of Authorization/);

    const manual = await core.call('channel.set', {
      caseId: c.id,
      channel: 'manual',
      ticket_id: 'PLV-48213',
      link: 'https://support.plivo.com/support/tickets/48213',
      submitted_by: 'Maria Lopez',
    });
    expect(manual.manual).toMatchObject({ ticket_id: 'PLV-48213', status: 'not-submitted' });
    // the API flow is closed to a case sent by ticket
    const viaApi = await refusal(core.call('porting.createDraft', { caseId: c.id }));
    expect(viaApi).toMatchObject({ code: 'BAD_INPUT' });
    expect(viaApi!.message).toMatch(/submitted by ticket \(manual channel\)/);

    const sent = await core.call('channel.moveManual', { caseId: c.id, status: 'submitted', on: '2026-03-02' });
    expect(sent.manual).toMatchObject({ status: 'submitted', submitted_on: '2026-03-02' });
    expect((await core.call('cases.get', { id: c.id })).status).toBe('submitted');

    // the carrier answers by e-mail: pasted, read through the rejection table, the case is in exception
    const preview = await core.call('channel.parseRejection', { text: MAIL });
    expect(preview.codes.map((x) => x.code)).toEqual(['LOCATION_MISMATCH', 'ACCOUNT_NUMBER_MISMATCH']);
    const rejected = await core.call('channel.recordRejection', { caseId: c.id, text: MAIL, on: '2026-03-05' });
    expect(rejected.manual).toMatchObject({ status: 'rejected', rejected_on: '2026-03-05' });
    expect(rejected.manual.rejections[0]!.codes.map((x) => x.code)).toEqual([
      'LOCATION_MISMATCH',
      'ACCOUNT_NUMBER_MISMATCH',
    ]);
    expect((await core.call('cases.get', { id: c.id })).status).toBe('exception');

    // the rejection is kept: it survives a restart (once the documents are read)
    await waitFor(
      () => core.call('documents.list', { caseId: c.id }),
      (ds) => ds.every((d) => d.status === 'ready'),
      60_000,
    );
    await core.close();
    cores.splice(cores.indexOf(core), 1);
    core = await open(dataDir);
    const kept = await core.call('channel.get', { caseId: c.id });
    expect(kept.manual.rejections).toHaveLength(1);
    expect(kept.manual.ticket_id).toBe('PLV-48213');

    // resending re-runs the review: the LOA still has no service address, so nothing goes
    expect(kept.gate.allowed).toBe(false);
    expect(kept.gate.blockers.map((b) => b.code)).toContain('LOCATION_MISMATCH');
    const early = await refusal(
      core.call('channel.moveManual', { caseId: c.id, status: 'submitted', on: '2026-03-06' }),
    );
    expect(early).toMatchObject({ code: 'BLOCKED' });
    expect(early!.message).toMatch(/review still predicts .*LOCATION_MISMATCH/);
    const byHand = await refusal(
      core.call('cases.setStatus', {
        id: c.id,
        version: (await core.call('cases.get', { id: c.id })).version,
        status: 'submitted',
      }),
    );
    expect(byHand).toMatchObject({ code: 'BLOCKED' });
    expect((await core.call('cases.get', { id: c.id })).status).toBe('exception');

    // fixed: the LOA now carries the carrier's service address
    const loa = (await core.call('documents.list', { caseId: c.id })).find((d) => d.kind === 'loa')!;
    await core.call('documents.correctField', { id: loa.id, field: 'service_address', value: CSR.service_address });
    // the account number the carrier rejected is unchanged: sent as it is, it would come back rejected
    const unfixed = (await core.call('channel.get', { caseId: c.id })).gate;
    expect(unfixed.blockers.map((b) => b.code)).toEqual(['ACCOUNT_NUMBER_MISMATCH']);
    expect(unfixed.blockers[0]!.reason).toMatch(
      /rejected the account number on 2026-03-05 \(Account number mismatch\) and it has not been changed since/,
    );
    // it is the CSR's own: the specialist says so, the way every blocker is overridden
    const rec = await core.call('cases.setStatus', {
      id: c.id,
      version: (await core.call('cases.get', { id: c.id })).version,
      status: 'review',
    });
    const noReason = await refusal(core.call('review.markReady', { caseId: c.id, version: rec.version }));
    expect(noReason).toMatchObject({ code: 'BLOCKED' });
    const ready = await core.call('review.markReady', {
      caseId: c.id,
      version: rec.version,
      overrideReason: 'Account number read back from the CSR by the carrier on the phone, 2026-03-06',
    });
    expect(ready.case.status).toBe('ready');
    expect(ready.override!.blockers.map((b) => b.code)).toEqual(['ACCOUNT_NUMBER_MISMATCH']);
    expect((await core.call('channel.get', { caseId: c.id })).gate).toMatchObject({ allowed: true, refusal: null });

    // the packet carries the e-mailed codes with the words that named them
    const packet = await core.call('export.packet', { caseId: c.id });
    const zip = unzip(exportFiles(packet)[packet.files[1]!.name]!);
    const summary = PacketSummary.parse(
      JSON.parse(new TextDecoder().decode(zip[Object.keys(zip).find((k) => k.endsWith('-summary.json'))!]!)),
    );
    expect(summary.received_rejections.map((r) => [r.code, r.source])).toEqual([
      ['LOCATION_MISMATCH', 'reported'],
      ['ACCOUNT_NUMBER_MISMATCH', 'reported'],
    ]);
    expect(summary.received_rejections[0]!.description).toBe('E-mail of 2026-03-05: "Address mismatch"');

    await core.call('channel.moveManual', { caseId: c.id, status: 'submitted', on: '2026-03-06' });
    const foc = await core.call('channel.moveManual', {
      caseId: c.id,
      status: 'foc-received',
      on: '2026-03-09',
      foc_date: '2026-03-16',
    });
    expect(foc.manual).toMatchObject({ status: 'foc-received', foc_received_on: '2026-03-09', foc_date: '2026-03-16' });
    expect(await core.call('cases.get', { id: c.id })).toMatchObject({
      status: 'foc-confirmed',
      foc_date: '2026-03-16',
    });
    const ported = await core.call('channel.moveManual', { caseId: c.id, status: 'ported', on: '2026-03-16' });
    expect(ported.manual.ported_on).toBe('2026-03-16');
    expect((await core.call('cases.get', { id: c.id })).status).toBe('ported');
    const notes = (await core.call('cases.history', { id: c.id })).map((h) => h.note ?? '').join('\n');
    expect(notes).toMatch(/Submitted by ticket PLV-48213 \(Maria Lopez\)/);
    expect(notes).toMatch(/Rejected 2026-03-05 by e-mail: LOCATION_MISMATCH, ACCOUNT_NUMBER_MISMATCH/);
  }, 120_000);

  it("holds a resend until what the carrier rejected has changed: an address part put back is no change, the LOA's age waits for a new LOA", async () => {
    const core = await open();
    const c = await readyCase(core, { ...NORTHWIND, losing_carrier: 'Vonage Business' }, '303.555.0170\n303.555.0171', {
      pin: '902211',
      csr: CSR,
    });
    await core.call('channel.set', { caseId: c.id, channel: 'manual', ticket_id: 'VON-1' });
    await core.call('channel.moveManual', { caseId: c.id, status: 'submitted', on: '2026-03-02' });
    const mail = 'Rejected: Address mismatch. Also: LOA expired, send a new one. Multiple accounts on one order.';
    const rejected = await core.call('channel.recordRejection', { caseId: c.id, text: mail, on: '2026-03-05' });
    expect(rejected.manual.rejections[0]!.codes.map((x) => x.code)).toEqual([
      'LOCATION_MISMATCH',
      'LOA_TOO_OLD',
      'PORTING_ORDER_SPLIT_REQUIRED',
    ]);
    await waitFor(
      () => core.call('documents.list', { caseId: c.id }),
      (ds) => ds.every((d) => d.status === 'ready'),
      60_000,
    );
    // what the unanswered rejection holds (the LOA of readyCase lacks the address: the review holds that too)
    const held = async () =>
      (await core.call('channel.get', { caseId: c.id })).gate.blockers
        .filter((b) => b.reason.includes('The carrier rejected'))
        .map((b) => b.code)
        .sort();
    // splitting the order is no new value of the numbers: that code does not wait for them to change
    expect(await held()).toEqual(['LOA_TOO_OLD', 'LOCATION_MISMATCH']);
    // the queue counts them too, and the review says why
    const review = await core.call('review.compare', { caseId: c.id });
    expect(review.predicted_rejections.find((p) => p.code === 'LOA_TOO_OLD')!.reason).toMatch(
      /rejected the order on 2026-03-05 .* no new LOA has been attached since/,
    );
    // the carrier's word, not a prediction: the Review row says "Rejected"
    expect(review.predicted_rejections.find((p) => p.code === 'LOCATION_MISMATCH')!.received_on).toBe('2026-03-05');
    // the packet's list comes without the review
    const listed = await core.call('channel.rejections', { caseId: c.id });
    expect(listed.rejections.map((r) => r.received_on)).toEqual(['2026-03-05']);
    expect(await core.dispatch('channel.rejections', { caseId: c.id + 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    const edit = async (unit: string) => {
      const { version } = await core.call('cases.get', { id: c.id });
      await core.call('cases.update', { id: c.id, version, fields: { service_unit: unit } });
    };
    // "Ste 310" and "Suite 310" are one unit to the comparison: only the unanswered rejection can hold it
    await edit('Suite 310');
    await edit('Ste 310');
    expect(await held()).toEqual(['LOA_TOO_OLD', 'LOCATION_MISMATCH']);
    await edit('Suite 310');
    expect(await held()).toEqual(['LOA_TOO_OLD']);
    const after = await core.call('review.compare', { caseId: c.id });
    expect(after.predicted_rejections.filter((p) => p.received_on).map((p) => p.code)).toEqual(['LOA_TOO_OLD']);
  }, 120_000);

  it('refuses a bad ticket link, and steps without the manual channel, changing nothing', async () => {
    const core = await open();
    const c = await core.call('cases.create', { fields: { entity_name: 'Ticket Co' }, numbersText: '3035550170' });
    const bad = await core.dispatch('channel.set', { caseId: c.id, channel: 'manual', link: 'javascript:alert(1)' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await core.call('channel.get', { caseId: c.id })).channel).toBe('telnyx');
    const step = await refusal(
      core.call('channel.moveManual', { caseId: c.id, status: 'submitted', on: '2026-03-02' }),
    );
    expect(step!.message).toMatch(/choose the manual channel first/);
    expect((await core.call('cases.get', { id: c.id })).status).toBe('intake');
  });
});

describe('line types', () => {
  it('come from the portability check or by hand; wireless needs the carrier PIN; toll-free goes on its own order', async () => {
    let now = Date.now();
    const core = await open(tempDir(), () => new Date(now));
    const c = await readyCase(
      core,
      { ...NORTHWIND, losing_carrier: 'Verizon Wireless' },
      '303.555.0170\n303.555.0171\n(800) 555-0142',
      { csr: { ...CSR, carrier_name: 'Verizon', phone_numbers: ['3035550170', '3035550171', '8005550142'] } },
    );
    const before = await core.call('channel.get', { caseId: c.id });
    expect(before.lines.map((l) => [l.number, l.line_type, l.source])).toEqual([
      ['+13035550170', null, 'unknown'],
      ['+13035550171', null, 'unknown'],
      ['+18005550142', 'toll-free', 'number'],
    ]);

    await core.call('porting.check', { caseId: c.id });
    const checked = await core.call('channel.get', { caseId: c.id });
    expect(checked.lines.map((l) => [l.line_type, l.source, l.check_type])).toEqual([
      ['wireline', 'check', 'local'],
      ['wireline', 'check', 'local'],
      ['toll-free', 'check', 'toll_free'],
    ]);
    expect(checked.toll_free_guidance.join(' ')).toMatch(/RespOrg/);
    expect(checked.gate.allowed).toBe(true);

    // the customer says the first number is a mobile line: Verizon's wireless transfer PIN applies
    const wireless = await core.call('channel.setLineType', {
      caseId: c.id,
      number: '303-555-0170',
      line_type: 'wireless',
    });
    expect(wireless.lines[0]).toMatchObject({ line_type: 'wireless', source: 'manual', check_type: 'local' });
    // the numbers editor asks for the line types alone, and gets the same
    expect((await core.call('channel.lines', { caseId: c.id })).lines).toEqual(wireless.lines);
    expect(wireless.gate.allowed).toBe(false);
    expect(wireless.findings[0]).toMatchObject({ level: 'blocker', code: 'PASSCODE_PIN_INVALID' });
    expect(wireless.findings[0]!.message).toMatch(/Verizon requires a transfer PIN/);
    const noPin = await refusal(core.call('porting.createDraft', { caseId: c.id }));
    expect(noPin).toMatchObject({ code: 'BLOCKED' });
    expect(noPin!.message).toMatch(/PASSCODE_PIN_INVALID/);

    // a PIN entered 8 days ago is past Verizon's 7 days
    let version = (await core.call('cases.get', { id: c.id })).version;
    now -= 8 * 86_400_000;
    version = (await core.call('cases.update', { id: c.id, version, pin: '5521' })).version;
    now += 8 * 86_400_000;
    const stale = await core.call('channel.get', { caseId: c.id });
    expect(stale.findings[0]!.message).toMatch(/entered 8 days ago; Verizon transfer PINs are valid for 7 days/);
    expect(stale.gate.allowed).toBe(false);
    await core.call('cases.update', { id: c.id, version, pin: '7730' });
    expect((await core.call('channel.get', { caseId: c.id })).gate.allowed).toBe(true);

    // the toll-free number is kept on an order of its own
    const draft = await core.call('porting.createDraft', { caseId: c.id });
    expect(draft.view.orders.map((o) => o.numbers).sort()).toEqual([
      ['+13035550170', '+13035550171'],
      ['+18005550142'],
    ]);

    // back to what the check said
    const reset = await core.call('channel.setLineType', { caseId: c.id, number: '+13035550170', line_type: null });
    expect(reset.lines[0]).toMatchObject({ line_type: 'wireline', source: 'check' });
    const notOnCase = await refusal(
      core.call('channel.setLineType', { caseId: c.id, number: '3125550199', line_type: 'wireless' }),
    );
    expect(notOnCase!.message).toMatch(/not among the numbers of case/);
  }, 120_000);

  it('shows guidance for the carrier the portability check reveals behind a reseller', async () => {
    const core = await open();
    const c = await readyCase(core, { ...NORTHWIND, losing_carrier: 'Aircall' }, '303.555.0170', {
      csr: { ...CSR, carrier_name: 'Twilio', phone_numbers: ['3035550170'] },
    });
    await core.call('porting.check', { caseId: c.id });
    const v = await core.call('channel.get', { caseId: c.id });
    expect(v.guidance.map((g) => [g.provider, g.why])).toEqual([
      ['Aircall', ['losing']],
      ['Twilio', ['check']],
    ]);
    expect(v.guidance[0]!.question).toMatch(/What is the underlying carrier/);
    expect(v.guidance[1]!.notes).toMatch(/sub-account/);
  }, 60_000);
});
