import { describe, expect, it } from 'vitest';
import {
  checkAccountFormat,
  compareAccountNumbers,
  maskPin,
  normalizeAccountNumber,
  normalizePin,
  TWILIO_ACCOUNT_SID,
} from '../../shared/normalize/account.js';

describe('normalizeAccountNumber', () => {
  it.each([
    ['123-456-789', '123456789'],
    ['123 456 789', '123456789'],
    ['123.456.789', '123456789'],
    ['0012 3456', '00123456'],
    ['ab-12-cd', 'AB12CD'],
    ['Acct #: 8775-1234', '87751234'],
    ['Account Number 555 123', '555123'],
    ['# 42-17', '4217'],
    ['ACc3f0a1b2c3d4e5f60718293a4b5c6d7e', 'ACC3F0A1B2C3D4E5F60718293A4B5C6D7E'],
    ['8310 00 123 4567 / 001', '8310001234567001'],
  ])('%s → %s', (raw, norm) => expect(normalizeAccountNumber(raw)).toBe(norm));
});

describe('compareAccountNumbers', () => {
  it.each([
    ['123456789', '123-456-789'],
    ['123456789', '123 456 789'],
    ['123-456-789', '123.456.789'],
    ['AB12CD', 'ab12cd'],
    ['00123456', '0012-3456'],
    ['8310001234567', '831 000 123 4567'],
  ])('%s ≈ %s (separators/case only)', (ref, cand) => {
    const r = compareAccountNumbers(ref, cand);
    expect(r.verdict).toBe('equivalent');
  });
  it('identical is a match', () => expect(compareAccountNumbers('12345', '12345').verdict).toBe('match'));
  it.each([
    ['00123456', '123456', /leading zeros/],
    ['123456789', '123456788', /differs/],
    ['123456789', '12345678', /missing/],
    ['123456789', '123456789001', /sub-account/],
    ['ACC-100', 'ACC-1OO', /differs/],
  ])('%s ≠ %s', (ref, cand, why) => {
    const r = compareAccountNumbers(ref, cand);
    expect(r.verdict).toBe('mismatch');
    expect(r.reason).toMatch(why);
    expect(r.proposed).toBe(ref);
  });
});

describe('carrier formats', () => {
  const sid = { pattern: '^AC[0-9A-F]{32}$', description: 'a Twilio Account SID' };
  it('accepts a Twilio Account SID in either case', () => {
    expect(checkAccountFormat('AC0123456789abcdef0123456789abcdef', sid)).toBeNull();
    expect(TWILIO_ACCOUNT_SID.test('AC0123456789ABCDEF0123456789ABCDEF')).toBe(true);
  });
  it.each(['AC123', 'SK0123456789abcdef0123456789abcdef', '12345678', 'AC0123456789abcdef0123456789abcdeg'])(
    'rejects %s as a Twilio SID',
    (v) => {
      expect(checkAccountFormat(v, sid)).toMatch(/does not look like a Twilio Account SID/);
    },
  );
  const att = { pattern: '^(\\d{9}|\\d{12}|\\d{13})$', description: 'an AT&T account number' };
  it.each([
    ['831-000-123-4567', null],
    ['123456789', null],
    ['12345', 'x'],
  ])('AT&T %s', (v, bad) => {
    const r = checkAccountFormat(v, att);
    if (bad) expect(r).toMatch(/AT&T/);
    else expect(r).toBeNull();
  });
});

describe('PINs', () => {
  it('ignores spaces and dashes, keeps case', () => {
    expect(normalizePin('12 34')).toBe('1234');
    expect(normalizePin('ab-CD')).toBe('abCD');
  });
  it('never shows the PIN', () => {
    expect(maskPin('4821')).not.toContain('4821');
    expect(maskPin('4821')).toMatch(/4 characters/);
    expect(maskPin('')).toBe('');
  });
});
