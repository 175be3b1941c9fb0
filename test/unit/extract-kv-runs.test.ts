/**
 * A customer record exported from a CRM or ticket system as a text dump of `key=value` pairs run together
 * and word-wrapped (kv-runs.ts; the dev stand-in csr-kvdump, standin-ac.ts, imitates such exports): each
 * pair is read as a label-left row, a value the printer wrapped onto the next line kept whole, the dated
 * audit entries (old values) left out, a number whose status pair says it left not on the account. And a
 * mainframe record whose captions are words ("DIR NAME = …") is not such a dump. The keys, names and
 * numbers below are ours (none from the generator's pools); the pages are synthetic.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { recastKeyValueRuns } from '../../electron/core/extract/kv-runs.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';

const MONO = { font: 'mono' as const, size: 8 };
const lines = (texts: string[], top = 60, lead = 11): TextLine[] => texts.map((t, i) => [36, top + i * lead, t, MONO]);

const DUMP = [
  'QuickCRM export  run=2026-03-04T10:12:00Z  user=ops7',
  'rec_id=88120441; cust_acct_no=7731-0092-18; bill_party_nm="Larkspur Veterinary',
  'Partners, PLLC"; site_addr="4410 Quarry Bend Rd, Ste 12, Missoula, MT 59801"; prim_tn=4065550142;',
  'tn_2=4065550177; tn_2_status=disconnected; tn_3=4065550188; tn_3_status=active; acctContact="Noor',
  'Haddad"; rptDate=2026-03-04',
  '2024-11-02 jdoe site_addr old=87 Cedar Hollow Ln, Missoula, MT 59802 new=4410 Quarry Bend Rd,',
  'Ste 12, Missoula, MT 59801',
];

describe('a CRM dump of key=value pairs run together', () => {
  it('reads each pair as a caption and its value, wrapped values whole', () => {
    const f = extractFields([pageOf(lines(DUMP))], 'csr').fields;
    expect(f.account_number?.value).toBe('7731-0092-18');
    expect(f.account_name?.value).toBe('Larkspur Veterinary Partners, PLLC');
    expect(f.authorized_person?.value).toBe('Noor Haddad');
    expect(f.service_address?.value.street_line).toBe('4410 Quarry Bend Rd');
    expect(f.service_address?.value.zip5).toBe('59801');
  });

  it('leaves out a number whose status pair says it left, and the audit entry of old values', () => {
    const f = extractFields([pageOf(lines(DUMP))], 'csr').fields;
    expect(f.phone_numbers?.value).toEqual(expect.arrayContaining(['+14065550142', '+14065550188']));
    expect(f.phone_numbers?.value).not.toContain('+14065550177');
  });

  it('reads an address stored in parts under one key prefix as one address (stand-in seeds)', () => {
    for (const seed of [42112, 42145]) {
      const fx = generateRandom(seed, { family: 'csr-kvdump' });
      const f = extractFields(fx.pages, 'csr').fields;
      expect(f.service_address?.value, `seed ${seed}`).toMatchObject(fx.truth.service_address!);
    }
  });

  it('reads a key marked as the former value as history, not the account (stand-in seeds)', () => {
    for (const seed of [42104, 42119, 42153]) {
      const fx = generateRandom(seed, { family: 'csr-kvdump' });
      const f = extractFields(fx.pages, 'csr').fields;
      expect(f.account_name?.value, `seed ${seed}`).toBe(fx.truth.account_name);
    }
  });

  it('is no dump where the captions are words, however the pairs run', () => {
    const mainframe = lines([
      'RUN DATE 03/04/26  CUSTOMER SERVICE RECORD  PAGE 1',
      'DIR NAME = LARKSPUR VET  BILL NM = LARKSPUR VETERINARY PARTNERS',
      'LSTG ADR = 4410 QUARRY BEND RD  BILL ADR = PO BOX 3120',
      'TN = 4065550142  CLS = 1FB  STAT = WKG',
      'ACCT: 7731-0092-18  BTN: 4065550142',
    ]);
    expect(recastKeyValueRuns([pageOf(mainframe)])).toBeNull();
  });

  it('dates the record by its run, not by when it was created or last changed, the as-of key after them', () => {
    for (const [opened, changed] of [
      ['acct_opened', 'last_chg_dt'],
      ['dateCreated', 'modified'],
      ['est_dt', 'upd_dt'],
    ]) {
      const dump = lines([
        'PortalOps acct dump',
        'rec_id=55120017; cust_acct_no=4410-2209-31; bill_party_nm="Quarry Bend Outfitters LLC"; prim_tn=4065550142;',
        `site_addr="4410 Quarry Bend Rd, Missoula, MT 59801"; ${opened}=2019-02-11; ${changed}=2025-12-30;`,
        'pulled_on=2026-03-04',
      ]);
      const f = extractFields([pageOf(dump)], 'csr').fields;
      expect(f.document_date?.value, `${opened} ${changed}`).toBe('2026-03-04');
    }
  });

  it('keeps a date the printer wrapped under its key as the value, not an audit entry', () => {
    const dump = lines([
      'rec_id=55120017; cust_acct_no=4410-2209-31; bill_party_nm="Quarry Bend Outfitters LLC"; prim_tn=4065550142;',
      'site_addr="4410 Quarry Bend Rd, Missoula, MT 59801"; acct_opened=2019-02-11; pulled_on=',
      'MAR 04 2026',
    ]);
    const f = extractFields([pageOf(dump)], 'csr').fields;
    expect(f.document_date?.value).toBe('2026-03-04');
  });

  it('reads a one-letter status code "D" as a line that left, where the other statuses say "A"', () => {
    const dump = lines([
      'acctNo=4410-2209-31 custNm="Quarry Bend Outfitters LLC" siteAddr="4410 Quarry Bend Rd, Missoula, MT 59801"',
      'ln1=4065550142 ln1Sts=A ln2=4065550177 ln2Sts=D ln3=4065550188 ln3Sts=A ln4=4065550199 ln4Sts=A',
    ]);
    const f = extractFields([pageOf(dump)], 'csr').fields;
    expect(f.phone_numbers?.value).toEqual(expect.arrayContaining(['+14065550142', '+14065550188']));
    expect(f.phone_numbers?.value).not.toContain('+14065550177');
  });

  it('reads an address in part keys whose five-digit house number is no ZIP (stand-in seed)', () => {
    // (a dev seed of csr-kvdump, tune wordings: "…_house_no=28350 …_street=… …_postal=06521-8780")
    const fx = generateRandom(44343, { family: 'csr-kvdump', fresh: 'tune' });
    const f = extractFields(fx.pages, 'csr').fields;
    expect(f.service_address?.value).toMatchObject(fx.truth.service_address!);
  });

  it('reads pairs run together with no space between them, each pair a printed word', () => {
    const dump = lines([
      'OpsDesk dump',
      'rec:"55120017";custAcctNo:"4410-2209-31";billPartyNm:"Quarry Bend',
      'Outfitters LLC";primTn:"4065550142";siteAddr:"4410 Quarry Bend Rd, Missoula, MT 59801";',
      'secCode:"7731";acctStatus:"open";svcCarrier:"Northway Fiber"',
    ]);
    const f = extractFields([pageOf(dump)], 'csr').fields;
    expect(f.account_number?.value).toBe('4410-2209-31');
    expect(f.account_name?.value).toBe('Quarry Bend Outfitters LLC');
    expect(f.pin?.value).toBe('7731');
  });

  it("keeps the export's title apart from the first pair's caption under it (stand-in seeds)", () => {
    // (dev seeds of csr-kvdump, tune wordings, whose title line names a business word: "… Business - …")
    for (const seed of [44346, 44382]) {
      const fx = generateRandom(seed, { family: 'csr-kvdump', fresh: 'tune' });
      const f = extractFields(fx.pages, 'csr').fields;
      expect(f.account_name?.value, `seed ${seed}`).toBe(fx.truth.account_name);
    }
  });

  it('reads the stand-in family on a few dev seeds (several key styles and separators)', () => {
    for (const seed of [42105, 42113, 42127, 42136]) {
      const fx = generateRandom(seed, { family: 'csr-kvdump' });
      const f = extractFields(fx.pages, 'csr').fields;
      expect(f.account_name?.value, `seed ${seed}`).toBe(fx.truth.account_name);
      expect(f.account_number?.value, `seed ${seed}`).toBe(fx.truth.account_number);
    }
  });
});
