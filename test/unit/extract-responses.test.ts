import { describe, expect, it } from 'vitest';
import { readGenerated, wrongFields } from '../helpers/generated.js';
import { readDocument } from '../../electron/core/documents/read.js';
import { compareCase } from '../../electron/core/compare/index.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { isRuralBox } from '../../electron/core/extract/address.js';
import type { ExtractedFields, PageText } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom, type RandomFixture } from '../fixtures/generator/random.js';

/*
 * Rules met on first sight of two stand-ins (standin-responses.ts): a losing carrier's CSR / port
 * verification response (csr-verify: a Field | Submitted | On record | Result table, a numbers table
 * answering "On account? No", remarks naming those numbers) and a rural telephone cooperative's member
 * bill (inv-coop: Member Name / Member No., rural-route service streets wrapped in a narrow cell). Each
 * rule is checked on the family's rendered PDFs (dev seeds whose first-sight reading was wrong) and on
 * pages written here in other wordings, with a control that the rule stays where it belongs.
 */

const SANS = { font: 'sans' as const, size: 9 };
const BOLD = { font: 'sans-bold' as const, size: 10 };
const csr = (lines: TextLine[]) => extractFields([pageOf(lines)], 'csr').fields;
const invoice = (lines: TextLine[]) => extractFields([pageOf(lines)], 'invoice').fields;

const readFamily = (family: string, seed: number) => readGenerated(generateRandom(seed, { family }));

/** The words of a page whose centre lies in a box. */
const wordsIn = (page: PageText, b: readonly number[]) =>
  page.words
    .filter((w) => {
      const cx = (w.bbox[0] + w.bbox[2]) / 2,
        cy = (w.bbox[1] + w.bbox[3]) / 2;
      return cx >= b[0]! && cx <= b[2]! && cy >= b[1]! && cy <= b[3]!;
    })
    .map((w) => w.text)
    .join(' ');

describe("a verification response's comparison table: the record column is the document's own", () => {
  // csr-verify dev seeds whose first-sight reading took the result column ("Verified", "MATCH") for the
  // name, the ticket number for the account, the submitted PIN or address, or kept numbers not on the account
  for (const seed of [1, 3, 6, 8, 24, 29, 30])
    it(`csr-verify-${seed}: every field it prints is the on-record value`, async () => {
      const { f, got } = await readFamily('csr-verify', seed);
      expect(wrongFields(f, got)).toEqual([]);
    });

  it('csr-verify-1: the evidence points at the record column, where the value is printed', async () => {
    const { f, got, pages } = await readFamily('csr-verify', 1);
    const acct = got.account_number!;
    // the submitted column of this seed prints another account number on the same row
    expect(wordsIn(pages[0]!, acct.bbox!)).toBe(f.truth.account_number);
    expect(wordsIn(pages[0]!, got.pin!.bbox!)).toBe(f.truth.pin);
  });

  // other wording, another column order (record, verdict, request) than the generator draws
  const table = (rows: [string, string, string, string][], heads = ['Item', 'Our records', 'Outcome', 'You sent']) => [
    [40, 50, 'Mountain Valley Telephone', BOLD] as TextLine,
    [40, 70, 'Reply to port inquiry 55-81723', SANS] as TextLine,
    ...heads.map((h, i): TextLine => [40 + [0, 130, 300, 380][i]!, 110, h, BOLD]),
    ...rows.flatMap((r, j): TextLine[] =>
      r.map((c, i): TextLine => [40 + [0, 130, 300, 380][i]!, 128 + j * 16, c, SANS]),
    ),
  ];
  const rows: [string, string, string, string][] = [
    ['Customer name', 'Quarry Lane Dental Group PC', 'Differs', 'Quarry Lane Dental'],
    ['Account #', '77120-4432', 'Differs', '77120-4438'],
    ['Authorized contact', 'Renata Okafor', 'Same', 'Renata Okafor'],
    ['Passcode', '8812', 'Differs', '1234'],
  ];
  it('hand-built: Item | Our records | Outcome | You sent', () => {
    const got = csr(table(rows));
    expect(got.account_name?.value).toBe('Quarry Lane Dental Group PC');
    expect(got.account_number?.value).toBe('77120-4432');
    expect(got.authorized_person?.value).toBe('Renata Okafor');
    expect(got.pin?.value).toBe('8812');
  });

  it('…while a table whose columns compare no request with a record is read as before', () => {
    // "Previous" / "Current" are two states of the record, not the other side's values
    const got = csr(table(rows, ['Item', 'Current', 'Note', 'Previous']));
    const plain = csr(table(rows, ['Item', 'Current', 'Note', 'Previous']).filter((l) => l[1] !== 110));
    expect(got.account_number?.value).toBe(plain.account_number?.value);
    expect(got.account_name?.value).toBe(plain.account_name?.value);
  });
});

describe('a number the response says is not on the account', () => {
  // csr-verify dev seeds whose numbers table answers "N" / "No" / "Not found" / "NOT ON ACCT" for a submitted number
  for (const seed of [2, 11, 17, 19, 27])
    it(`csr-verify-${seed}`, async () => {
      const { f, got } = await readFamily('csr-verify', seed);
      expect([...(got.phone_numbers?.value ?? [])].sort()).toEqual([...f.truth.phone_numbers!].sort());
    });

  const numbers = (head: string, answers: [string, string][], remark = ''): TextLine[] => [
    [40, 50, 'Line audit', BOLD],
    [40, 80, 'Customer:', SANS],
    [140, 80, 'Quarry Lane Dental Group PC', SANS],
    [40, 110, 'Telephone', BOLD],
    [200, 110, head, BOLD],
    [330, 110, 'Hunt group', BOLD],
    ...answers.flatMap(([n, a], i): TextLine[] => [
      [40, 128 + i * 16, n, SANS],
      [200, 128 + i * 16, a, SANS],
      [330, 128 + i * 16, 'No', SANS],
    ]),
    ...(remark ? [[40, 200, remark, SANS] as TextLine] : []),
  ];
  it('hand-built: "Found in records? No" — and a remark naming the number does not bring it back', () => {
    const got = csr(
      numbers(
        'Found in records?',
        [
          ['(512) 555-0140', 'Yes'],
          ['(512) 555-0141', 'No'],
          ['(512) 555-0142', 'Yes'],
        ],
        'Note: (512) 555-0141 was listed on the order in error.',
      ),
    );
    expect(got.phone_numbers?.value).toEqual(['+15125550140', '+15125550142']);
  });
  it('…but "No" under a column asking something else (Listed?) keeps the number', () => {
    const got = csr(
      numbers('Listed?', [
        ['(512) 555-0140', 'Yes'],
        ['(512) 555-0141', 'No'],
      ]),
    );
    expect(got.phone_numbers?.value).toEqual(['+15125550140', '+15125550141']);
  });
  it('a sentence saying a number is not on this account drops it; one saying it is the main line does not', () => {
    const page = (sentence: string): TextLine[] => [
      [40, 50, 'Customer Service Record', BOLD],
      [40, 80, 'Account Number:', SANS],
      [160, 80, '449120331', SANS],
      [40, 100, 'Numbers:', SANS],
      [160, 100, '(720) 555-0190, (720) 555-0191', SANS],
      [40, 130, sentence, SANS],
    ];
    expect(csr(page('Please note (720) 555-0191 is not on this account.')).phone_numbers?.value).toEqual([
      '+17205550190',
    ]);
    expect(csr(page('Please note (720) 555-0191 is the main line.')).phone_numbers?.value).toEqual([
      '+17205550190',
      '+17205550191',
    ]);
  });
  it('a sheet repeating the BTN on every row does not lose it by one disconnected row', () => {
    const got = csr([
      [40, 50, 'Account TN report', BOLD],
      [40, 80, 'BTN', BOLD],
      [150, 80, 'TN', BOLD],
      [260, 80, 'Status', BOLD],
      ...[
        ['3035550101', 'ACTIVE'],
        ['3035550102', 'DISCONNECTED'],
        ['3035550103', 'ACTIVE'],
      ].flatMap(([n, s], i): TextLine[] => [
        [40, 98 + i * 16, '3035550101', SANS],
        [150, 98 + i * 16, n!, SANS],
        [260, 98 + i * 16, s!, SANS],
      ]),
    ]);
    expect(got.phone_numbers?.value).toEqual(['+13035550101', '+13035550103']);
  });
});

describe('smaller rules the response taught', () => {
  it('csr-verify-29: a dash in the Unit row is an empty part, not the end of the street', async () => {
    const { f, got } = await readFamily('csr-verify', 29);
    expect(f.truth.service_address!.unit).toBe('');
    expect(got.service_address?.value.street_line).toBe(f.truth.service_address!.street_line);
  });
  // the first-sight reading took the "Request received" date for the response's own
  for (const seed of [1, 26])
    it(`csr-verify-${seed}: the date the request was received is not the document's date`, async () => {
      const { f, got } = await readFamily('csr-verify', seed);
      expect(got.document_date?.value).toBe(f.truth.document_date);
    });
  it('hand-built: "Date received" beside the issue date', () => {
    const got = csr([
      [40, 50, 'Customer Service Record', BOLD],
      [40, 80, 'Date received:', SANS],
      [150, 80, '03/02/2026', SANS],
      [300, 80, 'Issued:', SANS],
      [380, 80, '03/05/2026', SANS],
      [40, 100, 'Account Number:', SANS],
      [150, 100, '449120331', SANS],
    ]);
    expect(got.document_date?.value).toBe('2026-03-05');
  });
});

describe("a cooperative's member bill", () => {
  // inv-coop dev seeds whose first-sight reading took the co-op's tagline for the account name
  // ("Member Name" / "Name of Member" / "Patron Name" unread) or a wrapped rural route for a P.O. box
  for (const seed of [2, 7, 9, 10, 26, 32])
    it(`inv-coop-${seed}: every field it prints`, async () => {
      const { f, got } = await readFamily('inv-coop', seed);
      expect(wrongFields(f, got)).toEqual([]);
    });

  it('hand-built: Patron Name / Member # and a highway-contract box wrapped in a narrow cell', () => {
    const got = invoice([
      [40, 50, 'Tri-County Telephone Association', BOLD],
      [40, 64, 'Box 96, Hamlin, TX 79520', SANS],
      [40, 100, 'Patron Name:', SANS],
      [150, 100, 'Dry Fork Feed & Supply', SANS],
      [330, 100, 'Member #:', SANS],
      [420, 100, '30417-02', SANS],
      [330, 116, 'Map No.:', SANS],
      [420, 116, '14-22-301', SANS],
      [40, 116, 'Location:', SANS],
      [150, 116, 'HC 63', SANS],
      [150, 128, 'Box 5', SANS],
      [150, 140, 'Hamlin, TX 79520', SANS],
      [40, 170, 'Statement Date:', SANS],
      [150, 170, '04/01/2026', SANS],
      [40, 190, '(325) 576-2211   Business line 1FB   24.50', SANS],
    ]);
    expect(got.account_name?.value).toBe('Dry Fork Feed & Supply');
    expect(got.account_number?.value).toBe('30417-02');
    expect(got.service_address?.value).toMatchObject({ street_line: 'HC 63 Box 5', city: 'Hamlin', zip5: '79520' });
  });

  it('a rural route or highway contract box is a street line; a P.O. box or a route alone is not one', () => {
    for (const s of ['RR 2 Box 14', 'Rural Route 3 Box 112', 'HC 63 Box 5', 'R.R. 1, Box 7', 'Star Route 4 Box 20'])
      expect(isRuralBox(s), s).toBe(true);
    for (const s of ['PO Box 14', 'Box 14', 'RR 2', '4410 CR 1450', 'HC Holdings Box Co'])
      expect(isRuralBox(s), s).toBe(false);
  });
});

describe('the review against a csr-verify CSR compares with the record, not the request printed beside it', () => {
  /**
   * A csr-verify dev seed whose authorized-person row is a mismatch: the submitted column's person (what
   * the gaining side sent, printed on the CSR) and the record's.
   */
  async function personMismatch(): Promise<{
    f: RandomFixture;
    pages: PageText[];
    csrFields: ExtractedFields;
    submitted: string;
  }> {
    for (let seed = 1; seed <= 80; seed++) {
      const f = generateRandom(seed, { family: 'csr-verify' });
      const record = f.truth.authorized_person;
      if (!record) continue;
      const row = f.model.pages[0]!.items.filter((i) => i.kind === 'text');
      const at = row.find((i) => i.text === record);
      if (!at) continue;
      const names = row.filter(
        (i) => i.y === at.y && i !== at && i.text !== record && /^[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z'-]+$/.test(i.text),
      );
      if (names.length !== 1) continue;
      const read = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
      return { f, pages: read.pages, csrFields: extractFields(read.pages, 'csr').fields, submitted: names[0]!.text };
    }
    throw new Error('no csr-verify dev seed in 1…80 with a mismatched authorized person');
  }

  it('an LOA naming the submitted person, not the on-record one, gets AUTH_PERSON_MISMATCH', async () => {
    const { f, pages, csrFields, submitted } = await personMismatch();
    expect(csrFields.authorized_person?.value).toBe(f.truth.authorized_person);
    const person = (value: string) => ({ value, confidence: 1, page: 1, bbox: null });
    const loa: ExtractedFields = { ...csrFields, authorized_person: person(submitted) };
    const asOf = f.truth.document_date!;
    const r = compareCase({ loa, csr: csrFields, pages: { csr: pages }, asOf });
    expect(r.fields.authorized_person.verdict).toBe('mismatch');
    expect(r.predicted_rejections.map((x) => x.code)).toContain('AUTH_PERSON_MISMATCH');
    // the control: the LOA naming the record's person is a match
    const same = compareCase({ loa: csrFields, csr: csrFields, pages: { csr: pages }, asOf });
    expect(same.predicted_rejections.map((x) => x.code)).not.toContain('AUTH_PERSON_MISMATCH');
  });
});
