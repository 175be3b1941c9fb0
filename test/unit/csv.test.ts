import { describe, expect, it } from 'vitest';
import { casesFromCsv, decodeCsvBytes, IMPORTED_FIELD_LIMITS, type CsvReport } from '../../electron/core/cases/csv.js';
import { CaseFields } from '../../shared/domain/case.js';
import type { NewCase } from '../../electron/core/cases/repo.js';

async function read(text: string): Promise<{ cases: NewCase[]; report: CsvReport }> {
  const report: CsvReport = { rejected: [], warnings: [] };
  const cases: NewCase[] = [];
  for await (const slice of casesFromCsv(text, report)) cases.push(...slice.map((r) => r.case));
  return { cases, report };
}
const names = (cases: NewCase[]) => cases.map((c) => c.fields.entity_name);

describe('CSV reading (csv-parse, streamed)', () => {
  it('reads quoted commas, doubled quotes, newlines inside quotes, a BOM and mixed line endings', async () => {
    const { cases, report } = await read(
      '\ufeffEntity Name,NUMBERS,pin\r\n"Lakeview, P.C.",3125550100,4412\n"Say ""Hi"" Co",3125550101,\r"Two\nLines LLC",3125550102,\n',
    );
    expect(names(cases)).toEqual(['Lakeview, P.C.', 'Say "Hi" Co', 'Two\nLines LLC']);
    expect(cases[0]!.pin).toBe('4412');
    expect(cases[1]!.pin).toBeNull();
    expect(report).toEqual({ rejected: [], warnings: [] });
  });

  it('numbers rows as a person counts them (header row 1, blank lines skipped) and keeps going past bad rows', async () => {
    const rows = [
      'entity_name,numbers',
      'Good One,3125550100',
      '',
      ',,',
      'No Number Co,',
      'Too,3125550101,many,cells',
      'Good Two,3125550102',
    ];
    const { cases, report } = await read(rows.join('\n'));
    expect(names(cases)).toEqual(['Good One', 'Good Two']);
    expect(report.rejected).toEqual([
      { row: 3, reason: 'numbers is empty' },
      { row: 4, reason: expect.stringMatching(/has 4 cells but the header has 2 columns/) },
    ]);
  });

  it('refuses the whole file for an unclosed quote or a runaway row, naming the row', async () => {
    await expect(read('entity_name,numbers\nA,3125550100\n"B,3125550101\n')).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/closing " is missing/),
    });
    const runaway = `entity_name,numbers\nA,3125550100\nB,"${'9'.repeat(1_100_000)}\nC,3125550101\n`;
    await expect(read(runaway)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/^Row 3 of the CSV is longer than 1,000,000 characters/),
    });
  });

  it('rejects a huge numbers cell on its own without parsing it', async () => {
    const { cases, report } = await read(
      `entity_name,numbers\nHuge,"${'3125550100;'.repeat(30_000)}"\nSmall,3125550101\n`,
    );
    expect(names(cases)).toEqual(['Small']);
    expect(report.rejected).toEqual([{ row: 2, reason: expect.stringMatching(/^numbers is 330,000 characters long/) }]);
  });

  it('refuses other encodings whole: Latin-1 bytes, UTF-16 without a BOM; reads UTF-16 with one', async () => {
    expect(() => decodeCsvBytes(Buffer.from('entity_name,numbers\nCaf\xe9,3125550100\n', 'latin1'))).toThrow(
      /not UTF-8/,
    );
    await expect(read(Buffer.from('entity_name,numbers\n', 'utf16le').toString('latin1'))).rejects.toMatchObject({
      message: expect.stringMatching(/UTF-16 without a byte-order mark/),
    });
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('entity_name,numbers\nCafé Uno,3125550100\n', 'utf16le'),
    ]);
    expect(names((await read(decodeCsvBytes(utf16))).cases)).toEqual(['Café Uno']);
  });
});

describe('row checks without running the schema per row', () => {
  it('rejects exactly the lengths CaseFields rejects, for every column a CSV fills', async () => {
    for (const [field, max] of Object.entries(IMPORTED_FIELD_LIMITS)) {
      const schema = CaseFields.shape[field as keyof typeof IMPORTED_FIELD_LIMITS];
      expect(schema.safeParse('x'.repeat(max)).success, field).toBe(true);
      expect(schema.safeParse('x'.repeat(max + 1)).success, field).toBe(false);
      const value = (n: number) => (field === 'service_zip' ? '6'.repeat(n) : 'x'.repeat(n));
      const csv = (n: number) =>
        `entity_name,numbers,${field === 'entity_name' ? '' : field}\n${field === 'entity_name' ? value(n) : 'Co'},3125550100,${field === 'entity_name' ? '' : value(n)}\n`;
      const over = await read(csv(max + 1));
      expect(over.report.rejected, field).toEqual([
        { row: 2, reason: `${field} is too long (${(max + 1).toLocaleString('en-US')} characters, at most ${max})` },
      ]);
      if (field !== 'service_zip') expect((await read(csv(max))).cases, field).toHaveLength(1);
    }
  });

  it('refuses a PIN longer than a case may hold', async () => {
    const { cases, report } = await read(
      `entity_name,numbers,pin\nA,3125550100,${'9'.repeat(41)}\nB,3125550101,${'9'.repeat(40)}\n`,
    );
    expect(names(cases)).toEqual(['B']);
    expect(report.rejected).toEqual([{ row: 2, reason: 'pin is too long (41 characters, at most 40)' }]);
  });
});
