import { describe, expect, it } from 'vitest';
import { carrierGuidance, wirelessPinRule } from '../../electron/core/compare/carriers.js';
import { lineFindings, type LineRuleInput } from '../../electron/core/porting/line-rules.js';
import { parseRejectionText } from '../../electron/core/porting/rejection-text.js';
import { ordersByLineType } from '../../electron/core/porting/service.js';
import { isTollFreeNanp, lineTypeFromCheck } from '../../shared/domain/phone.js';

describe('a rejection pasted from an e-mail', () => {
  it('is read into the codes of the rejection table, in the order the e-mail gives them', () => {
    const mail = [
      'Hello,',
      'Your port request #48213 was rejected by the losing carrier for the following reasons:',
      '1. Address mismatch - the service address on file is 1200 Pearl St Ste 310.',
      "2. Incorrect wireless PIN for (303) 555-0171. The PIN provided doesn't match.",
      'Please correct and resubmit. Plivo Support',
    ].join('\n');
    const codes = parseRejectionText(mail);
    expect(codes.map((c) => c.code)).toEqual(['LOCATION_MISMATCH', 'PASSCODE_PIN_INVALID']);
    expect(codes[0]).toMatchObject({ known: true, field: 'service_address', matched: 'Address mismatch' });
    expect(codes[1]!.action).toMatch(/PIN/);
  });

  it('takes the longest wording where two overlap, and Telnyx codes written as such', () => {
    const codes = parseRejectionText('Reason: Authorized name mismatch. Also BTN_ATN_MISMATCH on the order.');
    expect(codes.map((c) => c.code)).toEqual(['AUTH_PERSON_MISMATCH', 'BTN_ATN_MISMATCH']);
  });

  it('reads the wordings seed 002 lists for Plivo rejections', () => {
    const text =
      'Unpaid balance with current carrier. Pending service request. Inactive number. Unauthorized Contact/Signature. Incorrect service account number. Invalid BTN (Billing Telephone Number)';
    expect(parseRejectionText(text).map((c) => c.code)).toEqual([
      'UNPAID_BALANCE',
      'LSR_PENDING',
      'PHONE_NUMBER_NOT_PORTABLE',
      'AUTH_PERSON_MISMATCH',
      'ACCOUNT_NUMBER_MISMATCH',
      'BTN_ATN_MISMATCH',
    ]);
  });

  it('reads wordings with straight or curly apostrophes', () => {
    expect(parseRejectionText("Business name doesn't match.").map((c) => c.code)).toEqual(['ENTITY_NAME_MISMATCH']);
    expect(parseRejectionText('The address doesn’t match the records.').map((c) => c.code)).toEqual([
      'LOCATION_MISMATCH',
    ]);
  });

  it('keeps a code it does not know, with the e-mail line that named it', () => {
    const [c] = parseRejectionText('Status: NPAC_TIMEOUT_RETRY\nwe will retry tomorrow');
    expect(c).toMatchObject({ code: 'NPAC_TIMEOUT_RETRY', known: false, title: 'Status: NPAC_TIMEOUT_RETRY' });
  });

  it('finds nothing in an e-mail that names no cause ("other" is an ordinary word)', () => {
    expect(parseRejectionText('Thanks, we will get back to you on the other matter.')).toEqual([]);
  });
});

describe('line types', () => {
  it('come from the portability check, with toll-free area codes recognised', () => {
    expect(['local', 'mobile', 'toll_free', 'landline', 'shared_cost', null].map(lineTypeFromCheck)).toEqual([
      'wireline',
      'wireless',
      'toll-free',
      'wireline',
      null,
      null,
    ]);
    expect(isTollFreeNanp('+18335550100')).toBe(true);
    expect(isTollFreeNanp('+13035550100')).toBe(false);
  });

  it('keep toll-free numbers on an order of their own', () => {
    const lines = [
      { number: '+13035550170', line_type: 'wireline' },
      { number: '+18005550142', line_type: 'toll-free' },
      { number: '+13035550171', line_type: null },
    ];
    expect(ordersByLineType(['+13035550170', '+18005550142', '+13035550171'], lines)).toEqual([
      ['+13035550170', '+13035550171'],
      ['+18005550142'],
    ]);
    expect(ordersByLineType(['+13035550170'], lines)).toEqual([['+13035550170']]);
  });
});

describe("the carrier's wireless PIN rules", () => {
  const base: LineRuleInput = {
    losing_carrier: 'Verizon Wireless',
    underlying_carrier: '',
    pin_set: false,
    pin_set_at: null,
    lines: [
      { number: '+13035550170', line_type: 'wireless', source: 'manual', check_type: 'local' },
      { number: '+13035550171', line_type: 'wireline', source: 'check', check_type: 'local' },
    ],
    now: new Date('2026-03-10T12:00:00Z'),
  };

  it('block a wireless number without a PIN, naming the carrier and where the PIN comes from', () => {
    const [f] = lineFindings(base);
    expect(f).toMatchObject({ level: 'blocker', code: 'PASSCODE_PIN_INVALID', numbers: ['+13035550170'] });
    expect(f!.message).toMatch(/Verizon requires a transfer PIN/);
    expect(f!.action).toMatch(/My Verizon/);
  });

  it('block a PIN older than the carrier allows, warn the day before, accept a fresh one', () => {
    const at = (days: number) => new Date(base.now.getTime() - days * 86_400_000).toISOString();
    const withPin = (days: number) => lineFindings({ ...base, pin_set: true, pin_set_at: at(days) });
    expect(wirelessPinRule('Verizon').maxAgeDays).toBe(7);
    expect(withPin(9)[0]).toMatchObject({ level: 'blocker', code: 'PASSCODE_PIN_INVALID' });
    expect(withPin(9)[0]!.message).toMatch(/9 days ago; Verizon transfer PINs are valid for 7 days/);
    expect(withPin(6)[0]).toMatchObject({ level: 'warning' });
    expect(withPin(2)).toEqual([]);
  });

  it('do not apply to wireline numbers, and use the underlying carrier when a reseller sits in front', () => {
    expect(lineFindings({ ...base, lines: [base.lines[1]!] })).toEqual([]);
    const lumen = lineFindings({ ...base, losing_carrier: 'Aircall', underlying_carrier: 'Lumen' });
    expect(lumen).toEqual([]); // Lumen wants a passcode only if one is set
    const twilio = lineFindings({ ...base, losing_carrier: 'Aircall', underlying_carrier: 'Twilio' });
    expect(twilio[0]!.message).toMatch(/Twilio requires/);
  });

  it('show RespOrg guidance for toll-free numbers and ask for a type where none is known', () => {
    const found = lineFindings({
      ...base,
      pin_set: true,
      lines: [
        { number: '+18005550142', line_type: 'toll-free', source: 'number', check_type: null },
        { number: '+13035550171', line_type: null, source: 'unknown', check_type: null },
      ],
    });
    expect(found.map((f) => [f.level, f.numbers])).toEqual([
      ['info', ['+18005550142']],
      ['info', ['+13035550171']],
    ]);
    expect(found[0]!.message).toMatch(/RespOrg port, sent on an order of its own/);
  });
});

describe('carrier guidance (seed 000)', () => {
  it('is given for every provider named on the case, reseller or not', () => {
    const g = carrierGuidance([
      { name: 'Vonage Business', why: 'losing' },
      { name: 'Twilio', why: 'check' },
      { name: 'Twilio Inc.', why: 'underlying' },
      { name: 'Nobody Telecom', why: 'check' },
    ]);
    expect(g.map((x) => [x.provider, x.why, x.reseller])).toEqual([
      ['Vonage', ['losing'], false],
      ['Twilio', ['check', 'underlying'], false],
    ]);
    expect(g[0]!.requirements.join(' ')).toMatch(/Vonage requires a Letter of Authorization/);
    expect(g[1]!.notes).toMatch(/sub-account/);
    expect(g[1]!.account_number_source).toMatch(/Account SID/);
  });

  it('covers every provider of seed 000, and asks resellers for their underlying carrier', () => {
    const names = ['Twilio', 'Aircall', 'Intercom', 'Vonage', 'RingCentral', 'Grasshopper'];
    const g = carrierGuidance(names.map((name) => ({ name, why: 'losing' as const })));
    expect(g.map((x) => x.provider)).toEqual(names);
    expect(g.filter((x) => x.question).map((x) => x.provider)).toEqual([
      'Aircall',
      'Intercom',
      'RingCentral',
      'Grasshopper',
    ]);
    expect(g.find((x) => x.provider === 'RingCentral')!.requirements[0]).toMatch(/PIN to be set before/);
    expect(g.find((x) => x.provider === 'Grasshopper')!.pin_source).toMatch(/Contact Grasshopper support/);
  });
});
