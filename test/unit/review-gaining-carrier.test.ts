import { describe, expect, it } from 'vitest';
import { codes, fv, run } from '../helpers/compare.js';

/*
 * The gaining carrier — the porting company using PortDesk, kept in the app's settings — is named in
 * every LOA's authorization ("I authorize <gaining carrier> to port…"). A reader that takes that name
 * for the account's (a garbled scan, an unknown caption) has not read the customer's name: the review,
 * told the gaining carrier, asks a check ("this is your own company's name") instead of predicting an
 * ENTITY or AUTH rejection from it. A name that is not the gaining carrier's still differs as before.
 */

const CUSTOMER = 'Bayside Chiropractic Center, Inc.';
const SIGNER = 'Fatima Abernathy';

const review = (loa: { name?: string; person?: string; conf?: number }, gainingCarrier?: string) =>
  run({
    loa: {
      account_name: fv(loa.name ?? CUSTOMER, loa.conf ?? 0.62),
      authorized_person: fv(loa.person ?? SIGNER, loa.conf ?? 0.62),
    },
    invoice: { account_name: fv(CUSTOMER, 0.93), authorized_person: fv(SIGNER, 0.93) },
    csr: { account_name: fv(CUSTOMER.toUpperCase(), 0.97), authorized_person: fv(SIGNER.toUpperCase(), 0.97) },
    ...(gainingCarrier !== undefined ? { gainingCarrier } : {}),
  });

const ownCompanyCheck = (r: ReturnType<typeof run>, field: string) =>
  r.checks.find((c) => c.field === field && /your own company's name/.test(c.why));

describe("the LOA's account name read as the gaining carrier", () => {
  // [the gaining carrier in the settings, the LOA's reading of it, its confidence]
  for (const [gaining, read, conf] of [
    ['PortDesk Voice LLC', 'PortDesk Voice LLC', 0.62],
    ['PortDesk Voice LLC', 'P0rtDesk Voice, L.L.C.', 0.41],
    ['PortDesk Voice LLC', 'PORTDESK VOICE', 0.55],
    ['Clearline Communications, Inc.', 'Clearline Communicatons Inc', 0.48],
    ['Meridian Cloud Voice', 'Meridian Cloud Voice', 1],
  ] as const)
    it(`"${read}" (${Math.round(conf * 100)}%) with "${gaining}" in the settings is a check, not ENTITY`, () => {
      const r = review({ name: read, conf }, gaining);
      expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
      expect(r.fields.account_name.verdict).toBe('check');
      expect(ownCompanyCheck(r, 'account_name')).toBeDefined();
    });

  it('without the gaining carrier known, the same reading is a predicted ENTITY rejection', () => {
    expect(codes(review({ name: 'Meridian Cloud Voice', conf: 1 }))).toContain('ENTITY_NAME_MISMATCH');
    expect(codes(review({ name: 'Meridian Cloud Voice', conf: 1 }, ''))).toContain('ENTITY_NAME_MISMATCH');
  });

  it("another business's name on the LOA still differs (only the gaining carrier's is no customer's)", () => {
    for (const other of ['Meridian Cloud Kitchens LLC', 'Harbor Light Marine Supply LLC']) {
      const r = review({ name: other, conf: 1 }, 'Meridian Cloud Voice');
      expect(codes(r), other).toContain('ENTITY_NAME_MISMATCH');
      expect(ownCompanyCheck(r, 'account_name'), other).toBeUndefined();
    }
  });

  it("the LOA agreeing with the carrier stands: the customer's name is no own company's", () => {
    const r = review({ conf: 0.9 }, 'PortDesk Voice LLC');
    expect(codes(r)).toEqual([]);
    expect(['match', 'equivalent']).toContain(r.fields.account_name.verdict);
    expect(ownCompanyCheck(r, 'account_name')).toBeUndefined();
  });
});

describe("the LOA's authorized person read as the gaining carrier", () => {
  for (const [gaining, read] of [
    ['Meridian Cloud Voice', 'Meridian Cloud Voice'],
    ['Telnyx', 'TELNYX'],
  ] as const)
    it(`"${read}" with "${gaining}" in the settings is a check, not AUTH`, () => {
      const r = review({ person: read, conf: 0.7 }, gaining);
      expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
      expect(ownCompanyCheck(r, 'authorized_person')).toBeDefined();
    });
});
