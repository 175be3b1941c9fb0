/**
 * Text helpers shared by the normalisation rule families. Pure: usable in the core and the renderer.
 */

/** Anything foldAscii changes: a character outside ASCII, or the backtick it reads as an apostrophe. */
const NEEDS_FOLD = /[^\x00-\x5f\x61-\x7f]/;

/** Accents, ligatures, curly quotes and odd dashes become plain ASCII so "José" and "Jose" compare equal. */
export function foldAscii(raw: string): string {
  // plain ASCII without a backtick is its own folding: most words are, and NFKD costs
  if (!NEEDS_FOLD.test(raw)) return raw;
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(/\u2044/g, '/')
    .replace(/[æ]/gi, (m) => (m === 'æ' ? 'ae' : 'AE'))
    .replace(/ß/g, 'ss');
}

export function squashSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Upper-cased, accent-free, whitespace-collapsed: the "carrier would type it" form of a value. */
export function upperClean(raw: string): string {
  return squashSpaces(foldAscii(raw).toUpperCase());
}

const UNITS = [
  '',
  'ONE',
  'TWO',
  'THREE',
  'FOUR',
  'FIVE',
  'SIX',
  'SEVEN',
  'EIGHT',
  'NINE',
  'TEN',
  'ELEVEN',
  'TWELVE',
  'THIRTEEN',
  'FOURTEEN',
  'FIFTEEN',
  'SIXTEEN',
  'SEVENTEEN',
  'EIGHTEEN',
  'NINETEEN',
];
const TENS = ['', '', 'TWENTY', 'THIRTY', 'FORTY', 'FIFTY', 'SIXTY', 'SEVENTY', 'EIGHTY', 'NINETY'];
const ORD_UNITS = [
  '',
  'FIRST',
  'SECOND',
  'THIRD',
  'FOURTH',
  'FIFTH',
  'SIXTH',
  'SEVENTH',
  'EIGHTH',
  'NINTH',
  'TENTH',
  'ELEVENTH',
  'TWELFTH',
  'THIRTEENTH',
  'FOURTEENTH',
  'FIFTEENTH',
  'SIXTEENTH',
  'SEVENTEENTH',
  'EIGHTEENTH',
  'NINETEENTH',
];
const ORD_TENS = [
  '',
  '',
  'TWENTIETH',
  'THIRTIETH',
  'FORTIETH',
  'FIFTIETH',
  'SIXTIETH',
  'SEVENTIETH',
  'EIGHTIETH',
  'NINETIETH',
];

function ordinalSuffix(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return 'TH';
  return ({ 1: 'ST', 2: 'ND', 3: 'RD' } as Record<number, string>)[n % 10] ?? 'TH';
}

/** "FIFTH" → 5, "TWENTY FIRST"/"TWENTY-FIRST" → 21 (as one or two tokens), up to 99; ordinal words only. */
const ORDINAL_WORDS = new Map<string, number>();
/** Cardinal words, used for house numbers written out ("One Main St"). */
const CARDINAL_WORDS = new Map<string, number>();
for (let n = 1; n < 100; n++) {
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (n < 20) {
    ORDINAL_WORDS.set(ORD_UNITS[n]!, n);
    CARDINAL_WORDS.set(UNITS[n]!, n);
  } else if (u === 0) {
    ORDINAL_WORDS.set(ORD_TENS[t]!, n);
    CARDINAL_WORDS.set(TENS[t]!, n);
  } else {
    ORDINAL_WORDS.set(`${TENS[t]}-${ORD_UNITS[u]}`, n);
    ORDINAL_WORDS.set(`${TENS[t]}${ORD_UNITS[u]}`, n);
    CARDINAL_WORDS.set(`${TENS[t]}-${UNITS[u]}`, n);
  }
}
ORDINAL_WORDS.set('HUNDREDTH', 100);
ORDINAL_WORDS.set('ONE HUNDREDTH', 100);

/**
 * Rewrites ordinal words in an upper-case token list as numeric ordinals: ["WEST","TWENTY","FIRST","ST"]
 * → ["WEST","21ST","ST"]. Two-token forms ("TWENTY FIRST") are joined first.
 */
export function ordinalWordsToNumbers(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    const tensIdx = TENS.indexOf(tok);
    if (tensIdx >= 2 && next !== undefined) {
      const u = ORD_UNITS.indexOf(next);
      if (u >= 1 && u <= 9) {
        const n = tensIdx * 10 + u;
        out.push(`${n}${ordinalSuffix(n)}`);
        i++;
        continue;
      }
    }
    const n = ORDINAL_WORDS.get(tok);
    out.push(n !== undefined ? `${n}${ordinalSuffix(n)}` : tok);
  }
  return out;
}

/** "5TH" / "5" / "FIFTH" all give "5": ordinal letters never distinguish two streets. */
export function ordinalKey(token: string): string {
  const m = /^(\d+)(ST|ND|RD|TH)$/.exec(token);
  if (m) return m[1]!;
  const n = ORDINAL_WORDS.get(token);
  return n !== undefined ? String(n) : token;
}

export function cardinalWordValue(token: string): number | undefined {
  return CARDINAL_WORDS.get(token);
}
