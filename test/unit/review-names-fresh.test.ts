/**
 * Names and numbers the review used to leave as matches or checks on the FRESH tune half's label
 * wordings (vocab.ts): a letter's BTN sentence whose neighbour sentence lists the carrier's BTN, a
 * BTN wrapped over a line break, a BTN sentence after a numbers label, an account number wrapped in
 * its grid cell, an invoice's name cut short, a signer's name OCR glued and split. Each on a real dev
 * port of the tune half, in wording of our own, and with the near miss that must stay no rejection.
 */
import { describe, expect, it } from 'vitest';
import { compareCase } from '../../electron/core/compare/index.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { parsePerson } from '../../electron/core/extract/values.js';
import type { PageText } from '../../shared/domain/document.js';
import { type BenchPort, devPort, reviewPort } from '../bench/review-ports.js';
import { rewrite } from '../helpers/pages.js';

/** Dev port `seed` of the fresh tune half, drawn from the known families and the 3 first stand-ins. */
const port = (seed: number, noise: 'mild' | 'heavy' = 'mild'): BenchPort =>
  devPort(seed, noise === 'mild' ? 'mild' : 'bad', { fresh: 'tune', standins: 3 });

type Docs = Partial<Record<'loa' | 'invoice' | 'csr', PageText[]>>;
const review = (p: BenchPort, pages: Docs = {}) => reviewPort(p, { pages });
const codes = (r: ReturnType<typeof compareCase>) => r.predicted_rejections.map((x) => x.code);

describe("a letter's BTN sentence, the carrier's BTN in the next sentence's numbers to port", () => {
  // dev port 12513: "Our billing number there is +1 559 451 2960." ends its line; the next line's sentence
  // "The numbers to port are +1 559 747 9503, …" starts with the carrier's BTN
  const p = port(12513);

  it('a predicted BTN_ATN_MISMATCH, the next sentence no part of the label', () => {
    expect(p.planted.map((x) => x.code)).toContain('BTN_ATN_MISMATCH');
    const r = review(p);
    expect(codes(r)).toContain('BTN_ATN_MISMATCH');
    expect(r.fields.btn.verdict).toBe('mismatch');
  });

  it('in wording of our own ("The main line we are billed on is …")', () => {
    const loa = rewrite(
      p.loa.pages,
      ['Our', 'billing', 'number', 'there', 'is'],
      ['The', 'main', 'line', 'we', 'are', 'billed', 'on', 'is'],
    );
    expect(codes(review(p, { loa }))).toContain('BTN_ATN_MISMATCH');
  });

  it("the letter giving the carrier's BTN is a match", () => {
    const loa = rewrite(p.loa.pages, ['451', '2960.'], ['747', '9503.']);
    const r = review(p, { loa });
    expect(codes(r)).not.toContain('BTN_ATN_MISMATCH');
    expect(r.fields.btn.verdict).toBe('match');
  });
});

describe("a letter's BTN broken over a line end, the carrier's BTN listed and inside the account number", () => {
  // dev port 12785: "Our billing number there is +1 650" / "555 0127."; the carrier's 650-555-0121 is listed
  // to port and heads the account number "650-555-0121-440"
  const p = port(12785);

  it('a predicted BTN_ATN_MISMATCH: the LOA writes its own BTN outside its lists', () => {
    expect(p.planted.map((x) => x.code)).toContain('BTN_ATN_MISMATCH');
    const r = review(p);
    expect(codes(r)).toContain('BTN_ATN_MISMATCH');
    expect(r.checks.map((c) => c.field)).not.toContain('btn');
  });

  it("the letter giving the carrier's BTN there is a match", () => {
    const loa = rewrite(p.loa.pages, ['555', '0127.'], ['555', '0121.']);
    expect(codes(review(p, { loa }))).not.toContain('BTN_ATN_MISMATCH');
  });
});

describe('a BTN sentence after a sentence naming the numbers below', () => {
  // dev port 12597: "…the transfer of the telephone numbers below. Our account … is number BAN-957-3835.
  // It is billed to 616.870.8777." — a bare "number" opening the line was read as the numbers' label
  const p = port(12597);

  it('the billed-to number is the BTN, not a number to port: a predicted BTN_ATN_MISMATCH, no false PHONE', () => {
    const loa = extractFields(p.loa.pages, 'loa').fields;
    expect(loa.btn?.value).toBe('+16168708777');
    expect(loa.btn?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(loa.phone_numbers?.value).not.toContain('+16168708777');
    const r = review(p);
    expect(codes(r)).toContain('BTN_ATN_MISMATCH');
    expect(codes(r)).not.toContain('PHONE_NUMBER_MISMATCH');
  });

  it('in wording of our own ("It is billed to" → "It is billed under"), and the carrier\'s BTN a match', () => {
    const own = rewrite(p.loa.pages, ['It', 'is', 'billed', 'to'], ['The', 'lines', 'are', 'billed', 'under']);
    expect(codes(review(p, { loa: own }))).toContain('BTN_ATN_MISMATCH');
    const same = rewrite(p.loa.pages, ['616.870.8777.'], ['616.555.0168.']);
    const r = review(p, { loa: same });
    expect(codes(r)).not.toContain('BTN_ATN_MISMATCH');
    expect(codes(r)).not.toContain('PHONE_NUMBER_MISMATCH');
  });
});

describe('an account number wrapped in its grid cell', () => {
  // dev port 12425: a CSR's "Customer Acct No" cell reads "1882 74 411" over "3226686" (the holder's name
  // wrapping beside it); the LOA gives 1882 74 411 3226186
  const p = port(12425);

  it('the CSR reads the whole number, and the LOA differing is a predicted ACCOUNT_NUMBER_MISMATCH', () => {
    expect(extractFields(p.csr.pages, 'csr').fields.account_number?.value).toBe('1882 74 411 3226686');
    expect(p.planted.map((x) => x.code)).toContain('ACCOUNT_NUMBER_MISMATCH');
    const r = review(p);
    expect(codes(r)).toContain('ACCOUNT_NUMBER_MISMATCH');
    expect(r.fields.account_number.verdict).toBe('mismatch');
  });

  it("the LOA giving the carrier's number is a match", () => {
    const loa = rewrite(p.loa.pages, ['3226186'], ['3226686']);
    const r = review(p, { loa });
    expect(codes(r)).not.toContain('ACCOUNT_NUMBER_MISMATCH');
    expect(r.fields.account_number.verdict).toBe('match');
  });

  it('a grid of our own: "Acct Ref." over a number wrapped beside the holder, the next row not joined', () => {
    const grid = (rows: [number, number, string][]): PageText[] => {
      const words = rows.flatMap(([x, y, text]) =>
        [...text.matchAll(/\S+/g)].map((m) => ({
          text: m[0],
          bbox: [x + m.index * 6, y, x + m.index * 6 + m[0].length * 6, y + 10] as [number, number, number, number],
          conf: 1,
        })),
      );
      return [{ page: 1, width: 612, height: 792, method: 'text', words }];
    };
    const wrapped = grid([
      [40, 60, 'Carrier Customer Record'],
      [40, 100, 'Holder'],
      [200, 100, 'Acct Ref.'],
      [330, 100, 'Report Date'],
      [40, 114, 'Westmark Tile'],
      [200, 114, '4410 22 907'],
      [330, 114, 'MAR 02 2026'],
      [40, 126, 'Supply Inc.'],
      [200, 126, '5518203'],
    ]);
    expect(extractFields(wrapped, 'csr').fields.account_number?.value).toBe('4410 22 907 5518203');
    // a table's next row fills the other columns too: its number is another row's, not this one's end
    const rows = grid([
      [40, 100, 'Holder'],
      [200, 100, 'Acct Ref.'],
      [330, 100, 'Report Date'],
      [40, 114, 'Westmark Tile'],
      [200, 114, '4410 22 907'],
      [330, 114, 'MAR 02 2026'],
      [40, 126, 'Harbor Cove'],
      [200, 126, '5518203'],
      [330, 126, 'MAR 03 2026'],
    ]);
    expect(extractFields(rows, 'csr').fields.account_number?.value).toBe('4410 22 907');
    // beside its label, the number's next line is the next row, whatever its caption (dev document
    // inv-summary-256: "Bill Number 18774043" under "Billing Account Number 6527 60 064 1338085")
    const keyed = grid([
      [330, 46, 'Billing Account Number'],
      [472, 46, '6527 60 064 1338085'],
      [48, 57, '10767 NE Washington Ln, Madison, WI 53779'],
      [330, 57, 'Bill Number'],
      [472, 57, '18774043'],
    ]);
    expect(extractFields(keyed, 'invoice').fields.account_number?.value).toBe('6527 60 064 1338085');
  });
});

describe("the start of the LOA's account number is not the carrier's number written again", () => {
  // dev port 12089 (bad scan): the CSR reads "'7557 18, .906 .3153746" as "7557 18"; the LOA's 7557 18 906
  // 3153740 starts with those digits — found "under its label", it used to make the LOA match
  const p = port(12089, 'heavy');

  it('a predicted ACCOUNT_NUMBER_MISMATCH', () => {
    expect(p.planted.map((x) => x.code)).toContain('ACCOUNT_NUMBER_MISMATCH');
    const r = review(p);
    expect(r.fields.account_number.reason).not.toMatch(/under its Account number label/);
    expect(codes(r)).toContain('ACCOUNT_NUMBER_MISMATCH');
  });
});

describe("an invoice's business name cut short, inside the scanned CSR's own reading", () => {
  // dev port 12194 (bad scan): the invoice's wrapped "Sunbe lt Plumbing &" / "Heating, Inc" was read as
  // "Heating, Inc"; the CSR reads "Sun belt Plumbing & Heating, Inc" — it was taken for another block
  const p = port(12194, 'heavy');

  it("the CSR's reading is held against the LOA: a predicted ENTITY_NAME_MISMATCH", () => {
    expect(p.planted.map((x) => x.code)).toContain('ENTITY_NAME_MISMATCH');
    const r = review(p);
    expect(r.fields.account_name.reason).not.toMatch(/another block/);
    expect(codes(r)).toContain('ENTITY_NAME_MISMATCH');
  });

  it("the LOA giving the carrier's name stays no rejection", () => {
    const loa = rewrite(p.loa.pages, ['Studio'], ['&']);
    expect(codes(review(p, { loa }))).not.toContain('ENTITY_NAME_MISMATCH');
  });
});

describe("a signer's name OCR glued and split", () => {
  it('"SamuelR. Ander son" is Samuel R. Anderson; particles and the words of a sentence stay', () => {
    expect(parsePerson('SamuelR. Ander son')).toEqual({ value: 'Samuel R. Anderson', quality: 1 });
    expect(parsePerson('Helena K. Mar tin')?.value).toBe('Helena K. Martin');
    expect(parsePerson('Maria de la Cruz')?.value).toBe('Maria de la Cruz');
    expect(parsePerson('Omar Levy was here')?.value).toBe('Omar Levy was here');
  });

  it('dev port 12160 (bad scan): the CSR\'s "AUTHORIZED CO NTACT: SamuelR. Ander son" — a predicted AUTH_PERSON_MISMATCH', () => {
    const p = port(12160, 'heavy');
    expect(extractFields(p.csr.pages, 'csr').fields.authorized_person?.value).toBe('Samuel R. Anderson');
    expect(p.planted.map((x) => x.code)).toContain('AUTH_PERSON_MISMATCH');
    expect(codes(review(p))).toContain('AUTH_PERSON_MISMATCH');
    const same = rewrite(p.loa.pages, ['Bridget', 'M.', "O'Brien"], ['Samuel', 'R.', 'Anderson']);
    expect(codes(review(p, { loa: same }))).not.toContain('AUTH_PERSON_MISMATCH');
  });
});

describe("a grid's run-together captions giving the business's name as the signer", () => {
  // dev port 12495: "Business Legal Name (as registered)" runs into "Primary Contact" over "Pinnacle Physical
  // Therapy," | "Susan Rossi" ("LLC" wrapped below); the LOA signs "Authorized Sig.: Susan Rossi"
  const p = port(12495);

  it('the signer is the next reading, not the business: a predicted AUTH_PERSON_MISMATCH', () => {
    expect(extractFields(p.loa.pages, 'loa').fields.authorized_person?.value).toBe('Susan Rossi');
    expect(p.planted.map((x) => x.code)).toContain('AUTH_PERSON_MISMATCH');
    expect(codes(review(p))).toContain('AUTH_PERSON_MISMATCH');
  });

  it('in wording of our own ("Person in Charge"), and the carrier\'s signer a match', () => {
    const own = rewrite(p.loa.pages, ['Primary', 'Contact'], ['Person', 'in', 'Charge']);
    expect(extractFields(own, 'loa').fields.authorized_person?.value).not.toMatch(/Pinnacle/);
    const same = rewrite(p.loa.pages, ['Susan', 'Rossi'], ['David', 'Rossi']);
    const r = review(p, { loa: same });
    expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
    expect(r.fields.authorized_person.verdict).toBe('match');
  });
});
