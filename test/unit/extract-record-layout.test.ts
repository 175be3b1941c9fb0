import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * Layout reasoning that does not depend on known wording (issue 9): a fixed-width record's tag
 * column and value column, tags that abbreviate whole phrases, addresses wrapped anywhere in a
 * narrow cell, and label cells that wrap beside their wrapping values. Several wordings each; the
 * tags and labels here are written the way a carrier we have not seen might print them.
 */

const read = (kind: DocumentKind, lines: TextLine[]) => extractFields([pageOf(lines)], kind).fields;
const mono = { font: 'mono' as const, size: 9 };
/** A fixed-width record: each line printed in a monospaced font, tag and value in one string. */
const record = (rows: string[]): TextLine[] => rows.map((r, i) => [36, 60 + i * 11, r, mono] as TextLine);

describe('fixed-width records: words left of the value column belong to the tag', () => {
  it.each([
    ['AUTH USR ', 'THOMAS HUGHES'],
    ['AUTH USR:', 'PRIYA OBRIEN'],
    ['CNTCT    ', 'REBECCA WASHINGTON'],
  ])('"%s" then the person', (tag, person) => {
    const f = read(
      'csr',
      record([
        'BTN      801 766 1900',
        'CUS NM   SANDHILL BREWING COMPANY LLP',
        'SADR     8979 CHURCH TERRACE',
        '         SALT LAKE CITY UT 84184',
        `${tag.padEnd(9)}${person}`,
      ]),
    );
    expect(f.authorized_person?.value.toUpperCase()).toBe(person);
    expect(f.account_name?.value).toBe('SANDHILL BREWING COMPANY LLP');
  });

  it('does not take the first word of a name for a tag word when a single space follows the tag', () => {
    const f = read(
      'csr',
      record([
        'DATE   08/24/26',
        'BTN    505-555-0182',
        'BILL NM OLD TOWN BREWING COMPANY INCORPORATED',
        'SADR   24477 FOREST PKWY',
        '       SANTA FE NM 87502',
        'PASSCD 08446677',
      ]),
    );
    expect(f.account_name?.value).toBe('OLD TOWN BREWING COMPANY INCORPORATED');
    expect(f.pin?.value).toBe('08446677');
  });

  it.each([
    [['SADR1:  3036 KINGSLEY TERRACE', 'SVC ADDR2: FL 23', 'CTY/ST/ZIP: KNOXVILLE TN 37931'], 'FL 23'],
    [['SADR:   7675 LINCOLN PARKWAY #116', 'SA CITY: OVERLAND PARK, KS 66225'], '#116'],
    [['SVC ADDR1 1601 RIDGE AVENUE', 'SADR2 UNIT 19', 'SA CITY FRESNO, CA 93725'], 'UNIT 19'],
  ])('an address goes on under its own part tags: %j', (rows, unit) => {
    const f = read('csr', record(['MBTN:   8655550181', 'CUST:   RIVERSIDE FAMILY DENTISTRY INC', ...rows]));
    const a = f.service_address?.value;
    expect(a?.street_line).toMatch(/^\d+ [A-Z]/);
    expect(a?.unit).toBe(unit);
    expect(a?.zip5).toMatch(/^\d{5}$/);
    expect(a?.city).not.toMatch(/CITY|ST|ZIP/);
  });

  it.each([
    ['CNAM', 'HARBOR LIGHT STUDIO LLC'],
    ['BNAM', 'GULF BREEZE ACCOUNTING PA'],
  ])('an unknown tag abbreviating a whole phrase (%s) names the account', (tag, name) => {
    const f = read('csr', record(['ACCT     223879929', `${tag.padEnd(9)}${name}`, 'BTN      913 555 0117']));
    expect(f.account_name?.value).toBe(name);
  });
});

describe('what an abbreviated tag names is settled by its value and by which labels use its word', () => {
  it.each([
    ['ACN', 'PREM'],
    ['ACN', 'PREM.'],
  ])('%s (account number, not name) and %s (premises: the service address)', (acct, prem) => {
    const f = read(
      'csr',
      record([
        `${acct.padEnd(9)}4714 94 900 8602038`,
        'CUS NM   HARBOR LIGHT STUDIO LLC',
        `${prem.padEnd(9)}52 NORTH STONE CREEK AVENUE`,
        '         RAPID CITY SD 57701',
        'LSTD     HARBOR LIGHT',
      ]),
    );
    expect(f.account_number?.value).toBe('4714 94 900 8602038');
    expect(f.service_address?.value).toMatchObject({ street_line: '52 NORTH STONE CREEK AVENUE', zip5: '57701' });
    expect(f.account_name?.value).toBe('HARBOR LIGHT STUDIO LLC');
    // a listed (directory) name is a DBA: neither the account name nor a person
    expect(f.authorized_person).toBeUndefined();
  });
});

describe('an address wrapped anywhere in a narrow cell is read as the line it was', () => {
  it.each([
    [
      ['11 Martin Luther', 'King Jr Hwy, North', 'Little Rock, AR', '72124'],
      '11 Martin Luther King Jr Hwy',
      'North Little Rock',
    ],
    [
      ['9326 North Stone Creek', 'Avenue, FL 15, Syracuse,', 'NY 13203-2480'],
      '9326 North Stone Creek Avenue',
      'Syracuse',
    ],
    [['2035 Coral Reef Terrace, Salt Lake', 'City, UT 84101'], '2035 Coral Reef Terrace', 'Salt Lake City'],
  ])('%j', (cell, street, city) => {
    const lines: TextLine[] = [
      [60, 100, 'Name on Account:'],
      [200, 100, 'Martinez & Fitzgerald Inc.'],
      [320, 100, 'Site Address:'],
      ...cell.map((t, i) => [420, 100 + i * 12, t] as TextLine),
      [60, 114, 'Acct No.:'],
      [200, 114, '8280424713892'],
    ];
    const a = read('invoice', lines).service_address?.value;
    expect(a?.street_line).toBe(street);
    expect(a?.city).toBe(city);
  });

  it('keeps the words before a slash in a label ("Town/City:") out of the value beside it', () => {
    const f = read('csr', [
      [48, 100, 'Service At:'],
      [131, 100, '2035 Coral Reef Terrace, Overland Park, Town/City:'],
      [389, 100, 'Overland Park'],
      [131, 112, 'KS 66212-8455'],
      [306, 112, 'State:'],
      [389, 112, 'KS'],
    ]);
    expect(f.service_address?.value).toMatchObject({
      street_line: '2035 Coral Reef Terrace',
      city: 'Overland Park',
      state: 'KS',
      zip5: '66212',
    });
  });

  it('does not run a street into a section heading after a blank line', () => {
    const f = read('loa', [
      [60, 100, 'Address'],
      [260, 100, 'Unit/Suite'],
      [420, 100, 'City'],
      [520, 100, 'ST'],
      [560, 100, 'ZIP'],
      [62, 113, '9464 Commerce Ter'],
      [262, 113, '#981'],
      [422, 113, 'Falls Church'],
      [522, 113, 'VA'],
      [562, 113, '22040'],
      [60, 140, 'Lines and Numbers'],
      [62, 160, '703-719-9753'],
    ]);
    expect(f.service_address?.value.street_line).toBe('9464 Commerce Ter');
  });
});

describe('a label cell that wraps beside its wrapping value', () => {
  it.each([
    [['Customer', 'Legal Name:'], ['Mesa Verde Law', 'Offices LLC'], 'Mesa Verde Law Offices LLC'],
    [['Business /', 'Organization Name'], ['Harbor Light Animal Clinic', 'PLLC'], 'Harbor Light Animal Clinic PLLC'],
    [['Customer Legal', 'Name'], ['Old Town Dental', 'Group LLP'], 'Old Town Dental Group LLP'],
  ])('%j', (label, value, want) => {
    const f = read('invoice', [
      [60, 100, label[0]!],
      [160, 100, value[0]!],
      [60, 112, label[1]!],
      [160, 112, value[1]!],
      [60, 136, 'Acct. Nbr:'],
      [160, 136, '779522786'],
    ]);
    expect(f.account_name?.value).toBe(want);
    expect(f.account_number?.value).toBe('779522786');
  });
});

describe('a letter gives the PIN, the signer and the business in its sentences', () => {
  const letter = (lines: string[]) =>
    read(
      'loa',
      lines.map((t, i) => [60, 100 + i * 14, t] as TextLine),
    );

  it.each([
    ['The port-out PIN on the account is 4471. Please port all lines.', '4471'],
    ['Our account passcode is 908172 and may be used for this request.', '908172'],
    ['The security PIN for the account is 3390.', '3390'],
  ])('%s', (sentence, pin) => {
    const f = letter([
      'I, Maria Gonzalez, Office Manager of Harbor Light Dental LLC, authorize Northcoast Fiber',
      'to port the numbers on account 8831-22904 from Comcast Business.',
      sentence,
    ]);
    expect(f.pin?.value).toBe(pin);
    expect(f.account_number?.value).toBe('8831-22904');
    // found in a sentence, not beside a label: never near-certain
    expect(f.pin!.confidence).toBeLessThan(0.9);
  });

  it.each([
    ['My name is Kenji Washington and I act for Magnolia Chiropractic Center Corp.', 'Kenji Washington'],
    ['The account holder authorizing this request is Susan K. Ivanova. Thank you.', 'Susan K. Ivanova'],
  ])('the signer: %s', (sentence, person) => {
    const f = letter(['Please port the numbers of Magnolia Chiropractic Center Corp. to our new carrier.', sentence]);
    expect(f.authorized_person?.value).toBe(person);
    expect(f.account_name?.value).toBe('Magnolia Chiropractic Center Corp.');
  });

  it('does not take the gaining carrier the letter authorizes for the account name', () => {
    const f = letter([
      'This letter authorizes PortDesk Voice LLC to move the telephone numbers of Blue Heron Design PLLC,',
      'account number 55120-88, to its service.',
    ]);
    expect(f.account_name?.value).toBe('Blue Heron Design PLLC');
  });

  it('drops the pronoun before a business ("We, Cedar Point Bakery Inc, request…")', () => {
    const f = letter(['We, Cedar Point Bakery Inc, request that our numbers be ported to PortDesk Voice.']);
    expect(f.account_name?.value).toBe('Cedar Point Bakery Inc');
  });
});
