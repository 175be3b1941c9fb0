import { describe, expect, it } from 'vitest';
import type { RawWord } from '../../electron/core/ocr/digit-reread.js';
import { repairMarkSlips } from '../../electron/core/ocr/mark-slips.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';

/*
 * Marks tesseract reads where the grammar of what follows says what they are (mark-slips.ts): a speck
 * glued before a number ("~.559.555.0120": the number drops out of its list), a capital S alone read as
 * a section sign ("1366 § MILL CIR": the street is "§ MILL CIR").
 */

/** OCR words of one line at y 100–130 (300-dpi pixels), 18 px a character, 18 px between words. */
function line(texts: string[], conf = 90, y = 100): RawWord[] {
  let x = 200;
  return texts.map((text) => {
    const w = { text, bbox: { x0: x, y0: y, x1: x + 18 * text.length, y1: y + 30 }, conf };
    x = w.bbox.x1 + 18;
    return w;
  });
}

/** A word moved right to start at x0. */
function shifted(w: RawWord, x0: number): RawWord {
  return { ...w, bbox: { ...w.bbox, x0, x1: x0 + (w.bbox.x1 - w.bbox.x0) } };
}

/** The words as a scan's page (72-dpi points), as extraction meets them. */
function page(words: RawWord[]): PageText {
  const pt = 72 / 300;
  return {
    page: 1,
    width: 612,
    height: 792,
    method: 'ocr',
    words: words.map((w) => ({
      text: w.text,
      bbox: [w.bbox.x0 * pt, w.bbox.y0 * pt, w.bbox.x1 * pt, w.bbox.y1 * pt],
      conf: w.conf / 100,
    })),
  };
}

describe('a speck read glued before a number', () => {
  it('is cut off a phone number or a date, and the box starts after it', () => {
    for (const [read, number] of [
      ['~.559.555.0120', '559.555.0120'],
      ["'(303)555-0142", '(303)555-0142'],
      ['`1-918-266-8042', '1-918-266-8042'],
      ['°03/14/2025', '03/14/2025'],
      ['.,412-555-0187', '412-555-0187'],
    ]) {
      const [w] = line([read!], 47);
      const [out] = repairMarkSlips([w!]);
      expect(out!.text).toBe(number);
      expect(out!.bbox.x0).toBeGreaterThan(w!.bbox.x0);
      expect(out!.conf).toBe(47);
    }
  });

  it('leaves what is no whole number after the mark, and marks that are part of the value', () => {
    for (const read of [
      "'Suite",
      '.5%',
      '~555',
      '*12345',
      '(303) 555-0142',
      '$1,250.00',
      "'99",
      '.0120',
      '+1-303-555-0142',
    ])
      expect(repairMarkSlips(line([read]))[0]!.text).toBe(read);
  });

  it('gives a phone list back the number the speck hid', () => {
    const numbers = ['559.555.0193', '559.838.9723', '~.559.555.0120', '559.374.8271'];
    const words = [
      ...line(['Numbers', 'on', 'this', 'account:'], 95, 60),
      ...numbers.flatMap((n, i) => line(['-', n], n.startsWith('~') ? 47 : 93, 140 + 50 * i)),
    ];
    const phones = (ws: RawWord[]) => extractFields([page(ws)], 'invoice').fields.phone_numbers?.value ?? [];
    expect(phones(words)).not.toContain('+15595550120');
    expect(phones(repairMarkSlips(words))).toEqual(['+15595550193', '+15598389723', '+15595550120', '+15593748271']);
  });
});

describe('a section sign alone before a word', () => {
  it('is the S of a street read as "§"', () => {
    for (const texts of [
      ['1366', '§', 'MILL', 'CIR'],
      ['at', '88', '§', 'Main', 'St,', 'Dayton'],
    ])
      expect(repairMarkSlips(line(texts)).map((w) => w.text)).toEqual(texts.map((t) => (t === '§' ? 'S' : t)));
  });

  it("stays a section sign before a section's number, at a line's end, and inside a word", () => {
    for (const texts of [
      ['under', '47', 'C.F.R.', '§', '52.35'],
      ['see', '§', '(b)(2)'],
      ['as', 'set', 'out', 'in', '§'],
      ['§§', 'Section'],
    ])
      expect(repairMarkSlips(line(texts)).map((w) => w.text)).toEqual(texts);
  });

  it('reads the service address with its S directional', () => {
    const words = [
      ...line(['Service', 'address:', '1366', '§', 'MILL', 'CIR'], 93, 100),
      ...line(['NEW', 'HAVEN,', 'CT', '06501'], 93, 150),
    ];
    const addr = (ws: RawWord[]) => extractFields([page(ws)], 'loa').fields.service_address?.value;
    expect(addr(repairMarkSlips(words))).toMatchObject({ street_line: expect.stringMatching(/^1366 S MILL CIR/i) });
    expect(addr(words)).not.toMatchObject({ street_line: expect.stringMatching(/^1366 S MILL CIR/i) });
  });
});

describe('a state code before its ZIP read with a lookalike', () => {
  it('is the state code: an l, a 1 or a 0 in it read as the capital', () => {
    for (const [texts, state] of [
      [['ANN', 'ARBOR', 'Ml', '48109'], 'MI'],
      [['Eau', 'Claire,', 'W1', '54703'], 'WI'],
      [['DENVER', 'C0', '80936-1102'], 'CO'],
      [['Chicago,', 'lL', '60601'], 'IL'],
      [['Toledo,', '0H', '43604.'], 'OH'],
    ] as [string[], string][]) {
      const out = repairMarkSlips(line(texts)).map((w) => w.text);
      expect(out).toEqual(texts.map((t, i) => (i === texts.length - 2 ? state : t)));
    }
  });

  it('leaves a word before no ZIP, a word with no lookalike, and what reads as no state', () => {
    for (const texts of [
      ['Ml', 'Main', 'St'], // no ZIP after it
      ['Al', '12345'], // "AI" is no state
      ['Pa', '19103'], // no lookalike: the case alone is no misread
      ['ml', '48109'], // no capital: no code
      ['Unit', '10', '12345'],
    ])
      expect(repairMarkSlips(line(texts)).map((w) => w.text)).toEqual(texts);
  });

  it('is the state code in a form whose State and ZIP columns stand apart', () => {
    const words = [
      ...line(['ANN', 'ARBOR'], 93),
      ...line(['Ml'], 74).map((w) => shifted(w, 420)),
      ...line(['48109'], 96).map((w) => shifted(w, 560)),
    ];
    expect(repairMarkSlips(words).map((w) => w.text)).toEqual(['ANN', 'ARBOR', 'MI', '48109']);
  });

  it('gives the service address its state', () => {
    const words = [
      ...line(['Service', 'address:', '19632', 'OLD', 'MILL', 'DRIVE'], 93, 100),
      ...line(['ANN', 'ARBOR', 'Ml', '48109'], 93, 150),
    ];
    const addr = (ws: RawWord[]) => extractFields([page(ws)], 'loa').fields.service_address?.value;
    expect(addr(words)?.state).not.toBe('MI');
    expect(addr(repairMarkSlips(words))).toMatchObject({ city: 'ANN ARBOR', state: 'MI', zip5: '48109' });
  });
});

describe('an unsure word before a ZIP that is no state code', () => {
  it("is the ZIP's state when it is that code with a letter read twice or misread", () => {
    for (const [texts, state] of [
      [['SIOUX', 'FALLS,', 'SDD', '57107'], 'SD'],
      [['Sioux', 'Falls,', 'SO', '57107'], 'SD'],
      [['AUSTIN', 'TXX', '78701-1234'], 'TX'],
      [['Boston,', 'MMA', '02108'], 'MA'],
      [['Eau', 'Claire,', 'WL,', '54703'], 'WI,'],
    ] as [string[], string][]) {
      const out = repairMarkSlips(line(texts, 64)).map((w) => w.text);
      expect(out).toEqual(texts.map((t, i) => (i === texts.length - 2 ? state : t)));
    }
  });

  it('stays as read when sure, a state code already, another state, or no state at all', () => {
    for (const [texts, conf] of [
      [['SIOUX', 'FALLS,', 'SDD', '57107'], 95], // read surely
      [['Sioux', 'Falls,', 'ND', '57107'], 64], // a state code: the ZIP may be the slip
      [['Sioux', 'Falls,', 'XYZ', '57107'], 64], // no SD in it
      [['Sioux', 'Falls,', 'SDD', '00000'], 64], // no ZIP that exists
      [['Unit', 'SDD', 'Main'], 64], // no ZIP after it
    ] as [string[], number][])
      expect(repairMarkSlips(line(texts, conf)).map((w) => w.text)).toEqual(texts);
  });

  it('gives the service address its state', () => {
    const words = [
      ...line(['Service', 'location:', '2865', 'MAPLE', 'CT,', 'UNIT', '17'], 93, 100),
      ...line(['SIOUX', 'FALLS,'], 93, 150),
      ...line(['SDD', '57107'], 64, 150).map((w, i) => shifted(w, 200 + 18 * 14 + i * 90)),
    ];
    const addr = (ws: RawWord[]) => extractFields([page(ws)], 'csr').fields.service_address?.value;
    expect(addr(words)?.state).not.toBe('SD');
    expect(addr(repairMarkSlips(words))).toMatchObject({ city: 'SIOUX FALLS', state: 'SD', zip5: '57107' });
  });
});

describe("an ordinal street's suffix read as digits", () => {
  it('is the ordinal between a house number and a street suffix', () => {
    for (const [texts, street] of [
      [['65', '2187', 'LANE'], '21ST'],
      [['1200', 'W', '2187', 'ST'], '21ST'],
      [['88', '147h', 'Avenue'], '14th'],
      [['88', '147H', 'AVE'], '14TH'],
      [['9', '3R0', 'St.'], '3RD'],
      [['17', 'N', '10187', 'Rd'], '101st'],
    ] as [string[], string][]) {
      const out = repairMarkSlips(line(texts, 84)).map((w) => w.text);
      expect(out).toEqual(texts.map((t, i) => (i === texts.length - 2 ? street : t)));
    }
  });

  it('leaves a number that is no ordinal once read so, read surely, or not between a house number and a suffix', () => {
    for (const [texts, conf] of [
      [['402', '1157', 'PL'], 84], // "11" would be 11TH
      [['65', '2187', 'LANE'], 96], // read surely
      [['PO', 'BOX', '2187'], 84],
      [['Suite', '2187', 'Plaza'], 84], // no house number before it
      [['65', '2187', 'Springfield'], 84], // no street suffix after it
      [['65', '21ST', 'LANE'], 84], // already the ordinal
      [['65', '2140', 'LANE'], 84],
    ] as [string[], number][])
      expect(repairMarkSlips(line(texts, conf)).map((w) => w.text)).toEqual(texts);
  });
});

describe('the "+1" before a phone number read as "41"', () => {
  it('is "+1" before a whole number printed in groups or in one word', () => {
    for (const texts of [
      ['41', '907', '555', '0137'],
      ['41', '(907)', '555-0137'],
      ['41', '907-555-0137'],
    ])
      expect(repairMarkSlips(line(texts, 69)).map((w) => w.text)).toEqual(['+1', ...texts.slice(1)]);
  });

  it('stays before what is no whole number, when sure, or a column away', () => {
    expect(repairMarkSlips(line(['41', '907', '555'], 69)).map((w) => w.text)).toEqual(['41', '907', '555']);
    expect(repairMarkSlips(line(['41', '907', '555', '0137'], 96)).map((w) => w.text)).toEqual([
      '41',
      '907',
      '555',
      '0137',
    ]);
    // a row's number in its own column before the number
    const row = [...line(['41'], 69), ...line(['907', '555', '0137'], 93).map((w, i) => shifted(w, 400 + 72 * i))];
    expect(repairMarkSlips(row).map((w) => w.text)).toEqual(['41', '907', '555', '0137']);
  });

  it('gives the list of numbers the number it had lost', () => {
    const numbers = ['+1 907 645 8765', '+1 907 326 4040', '41 907 555 0137', '+1 907 555 0100'];
    const words = [
      ...line(['Phone', 'Numbers', 'Being', 'Ported:'], 95, 60),
      ...numbers.flatMap((n, i) => line(n.split(' '), n.startsWith('41') ? 69 : 93, 140 + 50 * i)),
    ];
    const phones = (ws: RawWord[]) => extractFields([page(ws)], 'loa').fields.phone_numbers?.value ?? [];
    expect(phones(words)).not.toContain('+19075550137');
    expect(phones(repairMarkSlips(words))).toEqual(['+19076458765', '+19073264040', '+19075550137', '+19075550100']);
  });
});

describe("a number's hyphen or parenthesis read as another mark", () => {
  it('is the punctuation when the word then is a number printed in groups, a phone number or an area code', () => {
    for (const [read, number] of [
      ['668-152-2738~71', '668-152-2738-71'],
      ['591~143~1568~40', '591-143-1568-40'],
      ['{937)', '(937)'],
      ['[312)', '(312)'],
      ['(216}', '(216)'],
      ['{937)555-0182', '(937)555-0182'],
      ['555~0182.', '555-0182.'],
    ]) {
      const [w] = line([read!], 41);
      const [out] = repairMarkSlips([w!]);
      expect(out!.text, read).toBe(number);
      expect(out!.conf).toBe(41);
    }
  });

  it('leaves a check box, a tilde before or after a number, and a word that is no number', () => {
    for (const read of [
      '[5]',
      '[22]',
      '[x]',
      '~30',
      '30~',
      'x~1',
      '{see}',
      '[1]',
      '{12}',
      'Room~12',
      '~',
      '03/14/2025]',
    ])
      expect(repairMarkSlips(line([read]))[0]!.text, read).toBe(read);
  });

  it('gives a phone list back the number whose parenthesis was read as a brace, and an account number its last group', () => {
    const numbers = ['(937) 555-0170', '{937) 555-0182', '(937) 555-0159'];
    const words = [
      ...line(['Your', 'statement', 'includes', 'these', 'lines:'], 95, 60),
      ...numbers.flatMap((n, i) => line(['*', ...n.split(' ')], n.startsWith('{') ? 59 : 93, 140 + 50 * i)),
    ];
    const phones = (ws: RawWord[]) => extractFields([page(ws)], 'invoice').fields.phone_numbers?.value ?? [];
    expect(phones(words)).not.toContain('+19375550182');
    expect(phones(repairMarkSlips(words))).toEqual(['+19375550170', '+19375550182', '+19375550159']);
    for (const caption of [
      ['Existing', 'account', 'number:'],
      ['Account', 'No.:'],
      ['Billing', 'account'],
    ]) {
      const acct = [...line(caption, 95, 100), ...line(['668-152-2738~71'], 39, 150)];
      const got = (ws: RawWord[]) => extractFields([page(ws)], 'loa').fields.account_number?.value;
      expect(got(repairMarkSlips(acct)), caption.join(' ')).toBe('668-152-2738-71');
    }
  });
});

describe('a Y read as a yen sign', () => {
  it('is the Y when it stands alone, and a yen sign before an amount', () => {
    expect(repairMarkSlips(line(['912-776-7739', '¥.', 'Fax'])).map((w) => w.text)).toEqual([
      '912-776-7739',
      'Y.',
      'Fax',
    ]);
    expect(repairMarkSlips(line(['¥'])).map((w) => w.text)).toEqual(['Y']);
    for (const texts of [['¥1,200'], ['¥', '1,200'], ['¥¥']])
      expect(repairMarkSlips(line(texts)).map((w) => w.text)).toEqual(
        texts.map((t) => (t === '¥' && texts.length === 1 ? 'Y' : t)),
      );
  });
});
