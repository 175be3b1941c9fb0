import { describe, expect, it } from 'vitest';
import {
  checkCityStateZip,
  isKnownCity,
  knownCityName,
  zipPlace,
  zipsOfCity,
} from '../../electron/core/extract/zip.js';

/* The offline ZIP database (npm `zipcodes`) behind the address reader's checks. */

describe('ZIP database', () => {
  it('knows the city and state of a ZIP, including leading-zero ZIPs and territories', () => {
    expect(zipPlace('33602')).toEqual({ city: 'Tampa', state: 'FL' });
    expect(zipPlace('02108')).toEqual({ city: 'Boston', state: 'MA' });
    expect(zipPlace('00901')?.state).toBe('PR');
    expect(zipPlace('00000')).toBeNull();
  });

  it('finds cities however they are written (Saint/St., hyphens, apostrophes, case)', () => {
    for (const [city, state] of [
      ['St. Louis', 'MO'],
      ['SAINT LOUIS', 'MO'],
      ['Winston-Salem', 'NC'],
      ["Coeur d'Alene", 'ID'],
      ['Ft Lauderdale', 'FL'],
      ['salt lake city', 'UT'],
      ['Mt Pleasant', 'SC'],
    ] as const) {
      expect(isKnownCity(city, state), `${city}, ${state}`).toBe(true);
    }
    expect(isKnownCity('Salt', 'UT')).toBe(false);
    expect(isKnownCity('Tampa', 'UT')).toBe(false);
    expect(knownCityName('ST LOUIS', 'MO')).toBe('Saint Louis');
    expect(zipsOfCity('Boise', 'ID')).toContain('83702');
  });
});

describe('checkCityStateZip', () => {
  it('agrees when ZIP, city and state belong together', () => {
    expect(checkCityStateZip('Tampa', 'FL', '33602')).toMatchObject({ verdict: 'ok', factor: 1, note: '' });
    expect(checkCityStateZip('ST. LOUIS', 'MO', '63102').verdict).toBe('ok');
    expect(checkCityStateZip('Boise', 'ID', '').verdict).toBe('no-zip');
  });

  it.each([
    ['Tampa', 'FL', '38602', '33602'], // 3→8: an OCR slip into Mississippi
    ['Tampa', 'FL', '36602', '33602'], // 3→6: into Alabama
    ['Boise', 'ID', '88702', '83702'],
    ['Fort Lauderdale', 'FL', '33031', '33301'], // two digits swapped: Homestead
    ['Salt Lake City', 'UT', '48101', '84101'], // swapped at the start: Michigan
  ])('%s, %s %s: a digit slip; proposes %s and keeps the printed ZIP', (city, state, zip, want) => {
    const c = checkCityStateZip(city, state, zip);
    expect(c.verdict).toBe('zip-slip');
    expect(c.suggestedZip).toBe(want);
    expect(c.factor).toBeLessThan(0.8);
    expect(c.note).toMatch(new RegExp(`${zip}.*${want}`));
  });

  it('does not guess when several ZIPs of the city are one slip away', () => {
    // 33699 does not exist; Tampa's 33690, 33694… are all one digit away: no single best one
    const c = checkCityStateZip('Tampa', 'FL', '33699');
    expect(c).toMatchObject({ verdict: 'unknown-zip', suggestedZip: null });
    expect(c.note).toMatch(/\d+ ZIPs of Tampa, FL are one digit away/);
  });

  it('another state is a strong doubt; another city of the same state is a mild one', () => {
    expect(checkCityStateZip('Tampa', 'FL', '84101')).toMatchObject({
      verdict: 'other-state',
      zipPlace: { city: 'Salt Lake City', state: 'UT' },
    });
    const near = checkCityStateZip('Hollywood', 'FL', '33301');
    expect(near.verdict).toBe('other-city');
    expect(near.factor).toBeGreaterThan(0.85);
    expect(checkCityStateZip('Notacity', 'FL', '33301').factor).toBeLessThan(near.factor);
  });

  it('a ZIP that does not exist lowers confidence', () => {
    expect(checkCityStateZip('Nowhere', 'FL', '00000')).toMatchObject({ verdict: 'unknown-zip', suggestedZip: null });
  });
});
