import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rejectionEntry } from '../../electron/core/compare/rejections.js';
import type { ComparedField } from '../../shared/domain/comparison.js';
import { compareAccountNumbers } from '../../shared/normalize/account.js';
import { compareAddresses, parseAddress } from '../../shared/normalize/address.js';
import { compareEntityNames, comparePersonNames } from '../../shared/normalize/names.js';
import type { TruthFields } from '../fixtures/generator/index.js';
import { generatePort, generatePorts, writePortFiles } from '../fixtures/generator/ports.js';
import { SEED_RANGES } from '../fixtures/generator/seeds.js';

/** The review's notion of "same value", from shared/normalize: a mismatch is what a carrier rejects. */
function differs(field: ComparedField, loa: TruthFields, csr: TruthFields): boolean | null {
  switch (field) {
    case 'account_name':
      return loa.account_name && csr.account_name
        ? compareEntityNames(csr.account_name, loa.account_name).verdict === 'mismatch'
        : null;
    case 'authorized_person':
      return loa.authorized_person && csr.authorized_person
        ? comparePersonNames(csr.authorized_person, loa.authorized_person).verdict === 'mismatch'
        : null;
    case 'service_address':
      return loa.service_address && csr.service_address
        ? compareAddresses(parseAddress(csr.service_address), parseAddress(loa.service_address)).verdict === 'mismatch'
        : null;
    case 'account_number':
      return loa.account_number && csr.account_number
        ? compareAccountNumbers(csr.account_number, loa.account_number).verdict === 'mismatch'
        : null;
    case 'btn':
      return loa.btn && csr.btn ? loa.btn !== csr.btn : null;
    case 'pin':
      return loa.pin && csr.pin ? loa.pin !== csr.pin : null;
    case 'phone_numbers':
      return loa.phone_numbers && csr.phone_numbers
        ? loa.phone_numbers.some((n) => !csr.phone_numbers!.includes(n))
        : null;
    default:
      return null;
  }
}

const ports = generatePorts({ split: 'dev', count: 120 });

describe('generated ports', () => {
  it('are the same port for the same seed, and a different one for another seed', () => {
    const a = generatePort(4242),
      b = generatePort(4242),
      c = generatePort(4243);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.csr.truth).not.toEqual(c.csr.truth);
    expect(generatePort(SEED_RANGES.test.first).split).toBe('test');
  });

  it('are clean about 60% of the time and carry at most two planted differences', () => {
    const clean = ports.filter((p) => p.planted.length === 0).length / ports.length;
    expect(clean).toBeGreaterThan(0.45);
    expect(clean).toBeLessThan(0.75);
    expect(Math.max(...ports.map((p) => p.planted.length))).toBe(2);
  });

  it('plant only Telnyx V2 codes from resources/rejections.json, each on a field both LOA and CSR print, where they really differ', () => {
    const seen = new Set<string>();
    for (const p of ports) {
      for (const d of p.planted) {
        expect(rejectionEntry(d.code).source, d.code).toBe('telnyx');
        seen.add(d.code);
        expect(
          differs(d.field, p.loa.truth, p.csr.truth),
          `port ${p.seed} ${d.field}: ${d.loaValue} vs ${d.csrValue}`,
        ).toBe(true);
      }
    }
    expect([...seen].sort()).toEqual([
      'ACCOUNT_NUMBER_MISMATCH',
      'AUTH_PERSON_MISMATCH',
      'BTN_ATN_MISMATCH',
      'ENTITY_NAME_MISMATCH',
      'LOCATION_MISMATCH',
      'PASSCODE_PIN_INVALID',
      'PHONE_NUMBER_MISMATCH',
      'POSTAL_CODE_MISMATCH',
    ]);
  });

  it('keep near misses equivalent: no field differs between LOA and CSR unless a difference was planted there', () => {
    let nearChecked = 0;
    for (const p of ports) {
      const plantedFields = new Set(p.planted.map((d) => d.field));
      for (const field of [
        'account_name',
        'authorized_person',
        'service_address',
        'account_number',
        'btn',
        'pin',
        'phone_numbers',
      ] as const) {
        if (plantedFields.has(field)) continue;
        const d = differs(field, p.loa.truth, p.csr.truth);
        expect(
          d,
          `port ${p.seed} ${field} differs without a planted difference (near misses: ${p.nearMisses.map((n) => n.description).join('; ')})`,
        ).not.toBe(true);
        if (d === false && p.nearMisses.some((n) => n.field === field)) nearChecked++;
      }
    }
    expect(nearChecked).toBeGreaterThan(40);
  });

  it('give the case what the LOA says, numbers in E.164', () => {
    for (const p of ports.slice(0, 30)) {
      // an LOA may print the name in capitals (loa-carrierform does): the same name to the review
      expect(p.caseFields.entity_name.toUpperCase()).toBe(p.loa.truth.account_name?.toUpperCase());
      expect(p.caseFields.account_number).toBe(p.loa.truth.account_number);
      expect(p.caseFields.numbers).toEqual(p.loa.truth.phone_numbers);
      expect(p.caseFields.numbers.every((n) => /^\+1\d{10}$/.test(n))).toBe(true);
    }
  });
});

describe('writePortFiles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-genports-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes three text PDFs, or image-only scans for the documents marked scanned', async () => {
    const text = await writePortFiles(generatePort(77), path.join(dir, 'text'));
    for (const f of Object.values(text)) expect(fs.readFileSync(f).subarray(0, 5).toString()).toBe('%PDF-');
    const scanPort = generatePort(78, { scan: true });
    expect(scanPort.scanned).toEqual({ loa: false, invoice: true, csr: true });
    const scans = await writePortFiles(
      { ...scanPort, scanned: { loa: false, invoice: false, csr: true } },
      path.join(dir, 'scan'),
    );
    const csr = fs.readFileSync(scans.csr).toString('latin1');
    expect(csr).toContain('/DCTDecode');
    expect(csr).not.toMatch(/\/Font\s*<<\s*\/F/); // pdf-lib writes an empty font dictionary on image pages
  });
});
