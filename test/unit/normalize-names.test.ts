import { describe, expect, it } from 'vitest';
import {
  compareEntityNames,
  comparePersonNames,
  normalizeBusinessName,
  normalizePersonName,
} from '../../shared/normalize/names.js';

describe('entity names: same words in another form are equivalent, never a mismatch', () => {
  const equivalent: [string, string][] = [
    ['ACME PLUMBING INC', 'Acme Plumbing, Inc.'],
    ['ABC Company, Inc.', 'ABC Company Inc.'],
    ['ABC Company Inc', 'ABC Company Incorporated'],
    ['ABC Company Inc', 'ABC Co. Inc.'],
    ['ACME PLUMBING LLC', 'Acme Plumbing, L.L.C.'],
    ['ACME PLUMBING LLC', 'Acme Plumbing L L C'],
    ['ACME PLUMBING LLC', 'Acme Plumbing Limited Liability Company'],
    ['Acme Widgets Corp', 'Acme Widgets Corporation'],
    ['Acme Widgets Corp.', 'ACME WIDGETS CORP'],
    ['Acme Trading Co', 'Acme Trading Company'],
    ['Acme Trading Ltd', 'Acme Trading Limited'],
    ['Baker & Baker LLP', 'Baker and Baker, L.L.P.'],
    ['Smith & Sons LLC', 'Smith and Sons, LLC'],
    ['Jones Law PLLC', 'Jones Law, P.L.L.C.'],
    ['Rivera Dental P.C.', 'Rivera Dental PC'],
    ['Rivera Dental PC', 'Rivera Dental Professional Corporation'],
    ["Joe's Pizza LLC", 'Joes Pizza LLC'],
    ["JOE'S PIZZA LLC", 'Joe’s Pizza, LLC'],
    ["St. Mary's Hospital", 'Saint Marys Hospital'],
    ['A.B.C. Plumbing', 'ABC Plumbing'],
    ['The Home Depot', 'Home Depot'],
    ['First National Bank', '1st National Bank'],
    ['Acme Intl Services Inc', 'Acme International Services, Inc.'],
    ['Acme Mfg Co', 'Acme Manufacturing Company'],
    ['Acme Bros', 'Acme Brothers'],
    ['Acme Medical Ctr', 'Acme Medical Center'],
    ['Smith-Jones Associates', 'Smith Jones Assoc.'],
    ['Café Olé LLC', 'Cafe Ole LLC'],
    ['ACME LLC DBA ACME PLUMBING', 'Acme LLC d/b/a Acme Plumbing'],
    ['ACME LLC DBA ACME PLUMBING', 'Acme, LLC D.B.A. Acme Plumbing'],
    ['ACME LLC DBA ACME PLUMBING', 'Acme LLC doing business as Acme Plumbing'],
    ['ACME LLC DBA ACME PLUMBING', 'Acme LLC'],
    ['ACME LLC', 'Acme LLC dba Acme Plumbing'],
    ['Acme Plumbing LLC', 'Acme Plumbing'],
    ['ACME TECHNOLOGIES INC', 'Acme Tech, Inc.'],
    ['Northwind Communications Group LLC', 'Northwind Comm Grp, LLC'],
    ['ACME L.L.C', 'Acme, LLC'],
    ['Acme Co.Inc', 'ACME CO INC'],
    ['Twenty-First Century Widgets Inc', '21st Century Widgets, Inc.'],
    ['Acme Plumbing & Heating, Inc.', 'ACME PLUMBING AND HEATING INC'],
  ];
  it.each(equivalent)('%s ≈ %s', (ref, cand) => {
    const r = compareEntityNames(ref, cand);
    expect(r.verdict).toBe('equivalent');
    expect(r.proposed).toBe(ref.trim());
    expect(r.reason).toContain(ref);
  });
  it('identical strings are a match, and only those', () => {
    expect(compareEntityNames('Acme Plumbing LLC', 'Acme Plumbing LLC').verdict).toBe('match');
    expect(compareEntityNames('Acme Plumbing LLC', ' Acme  Plumbing LLC ').verdict).toBe('match');
    expect(compareEntityNames('Acme Plumbing LLC', 'ACME PLUMBING LLC').verdict).toBe('equivalent');
  });
});

describe('entity names: different words are a mismatch', () => {
  const mismatch: [string, string, RegExp][] = [
    ['Acme Plumbing LLC', 'Acme Heating LLC', /Different names/],
    ['Acme Plumbing LLC', 'Acme Plumbing Inc', /legal forms/],
    ['Acme Plumbing Corp', 'Acme Plumbing LLC', /legal forms/],
    ['Acme Plumbing LLC', 'Acme Plumbers LLC', /Different names/],
    ['Acme Plumbing LLC', 'Apex Plumbing LLC', /Different names/],
    ['Acme Plumbing of Dallas LLC', 'Acme Plumbing LLC', /Different names/],
    ['Acme Holdings LLC DBA Joes Pizza', "Joe's Pizza", /trade name/],
    ['Acme LLC DBA Acme Plumbing', 'Acme LLC DBA Acme Heating', /trade names/],
    ['Blue Sky Dental PC', 'Blue Sky Dentistry PC', /Different names/],
    ['North Star Logistics Inc', 'Northstar Logistic Inc', /Different names/],
    ['Smith & Sons LLC', 'Smith & Son LLC', /Different names/],
    ['Acme Inc', 'Acme Ltd', /legal forms/],
  ];
  it.each(mismatch)('%s ≠ %s', (ref, cand, why) => {
    const r = compareEntityNames(ref, cand);
    expect(r.verdict).toBe('mismatch');
    expect(r.reason).toMatch(why);
    expect(r.proposed).toBe(ref);
  });
});

describe('normalizeBusinessName', () => {
  it('splits the legal name from the trade name and canonicalises suffixes', () => {
    const n = normalizeBusinessName('Acme Holdings, L.L.C. d/b/a Joe’s Pizza');
    expect(n.legal).toBe('Acme Holdings, L.L.C.');
    expect(n.dba).toBe('Joe’s Pizza');
    expect(n.suffixes).toEqual(['LLC']);
    expect(n.tokens).toEqual(['ACME', 'HLDGS']);
  });
  it('never strips the whole name as a suffix', () => {
    expect(normalizeBusinessName('Company').tokens).toEqual(['CO']);
  });
  it('does not take "dba" inside a word for a d/b/a marker', () => {
    expect(normalizeBusinessName('Sandbar LLC').dba).toBeNull();
  });
});

describe('person names', () => {
  const equivalent: [string, string][] = [
    ['JOHN SMITH', 'John Smith'],
    ['JOHN SMITH', 'Mr. John Smith'],
    ['Jane Doe', 'Dr. Jane Doe'],
    ['Jane Doe', 'Mrs Jane Doe'],
    ['SMITH JOHN A', 'John A. Smith'],
    ['SMITH JOHN', 'John Smith'],
    ['Smith, John', 'John Smith'],
    ['John A Smith', 'John Smith'],
    ['John Allen Smith', 'John A. Smith'],
    ['Mary Smith-Jones', 'Mary Smith Jones'],
    ['J. Smith', 'John Smith'],
    ['Jane Doe', 'Jane Doe, Owner'],
    ['Jane Doe', 'Jane Doe - Office Manager'],
    ['Jane Doe', 'Jane Doe (CEO)'],
    ['José Núñez', 'Jose Nunez'],
    ['John Smith Jr.', 'John Smith, Jr'],
    ['John Smith', 'John Smith Jr.'],
    ['Patrick O’Brien', 'Patrick OBrien'],
    ['Sarah Connor MD', 'Dr. Sarah Connor'],
    ['Mary Ann Lee', 'Maryann Lee'],
    ['De la Cruz, Maria', 'Maria De la Cruz'],
    ['Van Der Berg, Piet', 'Piet VanDerBerg'],
  ];
  it.each(equivalent)('%s ≈ %s', (ref, cand) => {
    const r = comparePersonNames(ref, cand);
    expect(r.verdict).toBe('equivalent');
    expect(r.proposed).toBe(ref);
  });
  const mismatch: [string, string][] = [
    ['John Smith', 'Jane Smith'],
    ['John Smith', 'John Smyth'],
    ['Robert Smith', 'Bob Smith'],
    ['John Smith Jr', 'John Smith Sr.'],
    ['John A. Smith', 'John B. Smith'],
    ['Maria Garcia', 'Mario Garcia'],
    ['Jane Doe', 'John Roe'],
    ['Jane Doe', 'Doe'],
    ['William Gates', 'Bill Gates'],
  ];
  it.each(mismatch)('%s ≠ %s', (ref, cand) => {
    const r = comparePersonNames(ref, cand);
    expect(r.verdict).toBe('mismatch');
    expect(r.reason).toMatch(/Different person/);
  });
  it('identical is a match', () => expect(comparePersonNames('Jane Doe', 'Jane Doe').verdict).toBe('match'));
  it('parses titles, middle names and generations', () => {
    expect(normalizePersonName('Dr. John Q. Public III, PhD')).toMatchObject({
      first: 'JOHN',
      middle: ['Q'],
      last: 'PUBLIC',
      generation: 'III',
    });
  });
});
