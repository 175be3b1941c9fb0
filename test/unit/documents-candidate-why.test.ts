/**
 * How a value was found (the caption it was read under and where, or that only a caption's shape made
 * it one) is stored with the document in its SQLite file and read back for the review after a restart:
 * the PIN's (sealed like the PIN: its digits are nowhere in the file's clear text) and any other field's;
 * rows stored before this existed (no candidates, or candidates without the caption's box) still load.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentRepository } from '../../electron/core/documents/store.js';
import { openCore } from '../../electron/core/index.js';
import { toExtracted } from '../../electron/core/review/review.js';
import { readingBasis, type ExtractedFields } from '../../shared/domain/document.js';
import { tempDir } from '../helpers/tmp.js';

const opened: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

async function documentRow() {
  const core = openCore({ dataDir: tempDir('portdesk-why-'), hostKind: 'loopback', actor: 'tester' });
  opened.push(core);
  const kase = await core.call('cases.create', { fields: { entity_name: 'Harbor Lane Bakery LLC' } });
  const repo = new DocumentRepository(core.ctx.db, core.ctx.now);
  const id = repo.create({
    caseId: kase.id,
    sha256: 'c'.repeat(64),
    name: 'csr.pdf',
    mime: 'application/pdf',
    size: 1,
    pages: 1,
  });
  return { repo, id, db: core.ctx.db };
}

const fields: ExtractedFields = {
  pin: {
    value: '482913',
    confidence: 0.85,
    page: 1,
    bbox: [427, 81.6, 455, 88.9],
    candidates: [
      {
        value: '482913',
        confidence: 0.85,
        page: 1,
        bbox: [427, 81.6, 455, 88.9],
        why: { source: 'label', label: 'PASS CODE:', label_bbox: [311.1, 79.3, 358.4, 86.9], mode: 'right' },
      },
    ],
  },
  account_number: {
    value: '458367315',
    confidence: 0.6,
    page: 1,
    bbox: [166.9, 102.7, 210.5, 110.5],
    candidates: [
      {
        value: '458367315',
        confidence: 0.6,
        page: 1,
        bbox: [166.9, 102.7, 210.5, 110.5],
        why: { source: 'shape', label: 'Client Ref:', label_bbox: [86.3, 100.2, 122.7, 108.3] },
      },
    ],
  },
};

describe('how a value was found round-trips the SQLite file', () => {
  it("the PIN's caption and its box, and a caption only its shape made one, are read back as stored", async () => {
    const { repo, id } = await documentRow();
    repo.saveExtracted(id, fields, 'extraction');
    const back = toExtracted(repo.fields(id), repo.extractedCandidates(id));
    expect(back.pin?.candidates?.[0]?.why).toEqual(fields.pin!.candidates![0]!.why);
    expect(back.account_number?.candidates?.[0]?.why).toEqual({
      source: 'shape',
      label: 'Client Ref:',
      label_bbox: [86.3, 100.2, 122.7, 108.3],
    });
  });

  it("the PIN's candidate is sealed like the PIN: its digits are not in the file's clear text", async () => {
    const { repo, id, db } = await documentRow();
    repo.saveExtracted(id, fields, 'extraction');
    const raw = db.prepare("SELECT candidates FROM document_fields WHERE field = 'pin'").get() as {
      candidates: string;
    };
    expect(raw.candidates).toBeTruthy();
    expect(raw.candidates).not.toContain('482913');
  });

  it('a row stored before (no candidates, or a caption without its box) loads, its value compared alone', async () => {
    const { repo, id, db } = await documentRow();
    const { candidates: _none, ...bare } = fields.pin!;
    repo.saveExtracted(id, { pin: bare, account_number: fields.account_number }, 'extraction');
    const older = [{ ...fields.account_number!.candidates![0]!, why: { source: 'label', label: 'Client Ref:' } }];
    db.prepare("UPDATE document_fields SET candidates = ? WHERE field = 'account_number'").run(JSON.stringify(older));
    const back = toExtracted(repo.fields(id), repo.extractedCandidates(id));
    expect(back.pin?.value).toBe('482913');
    expect(back.pin?.candidates).toBeUndefined();
    expect(back.account_number?.candidates?.[0]?.why).toEqual({ source: 'label', label: 'Client Ref:' });
  });
});

describe('the document view says how each value was found', () => {
  it("the field list gets the machine's reason with each value, a correction included; an old row has none", async () => {
    const { repo, id, db } = await documentRow();
    repo.saveExtracted(id, fields, 'extraction');
    repo.saveEntered(id, 'account_number', '458367316', 'maria');
    const byField = Object.fromEntries(repo.fields(id).map((f) => [f.field, f]));
    expect(byField.pin?.extracted?.why).toMatchObject({ source: 'label', label: 'PASS CODE:' });
    expect(byField.account_number?.source).toBe('entered');
    expect(byField.account_number?.extracted?.why).toMatchObject({ source: 'shape', label: 'Client Ref:' });
    db.prepare("UPDATE document_fields SET candidates = NULL WHERE field = 'pin'").run();
    expect(repo.field(id, 'pin')?.extracted?.why).toBeNull();
  });

  it('a caption is named; a BTN no caption names, a shape-only caption and a PIN with a rival are guesses', () => {
    expect(readingBasis('account_number', 'Account number', { source: 'label', label: 'Acct #:' })).toEqual({
      text: 'under the caption “Acct #:”',
      guess: false,
    });
    const btn = readingBasis('btn', 'BTN', { source: 'layout' });
    expect(btn.guess).toBe(true);
    expect(btn.text).toContain('no caption on this document names a BTN');
    // an address block found where it stands is said so, not called a guess
    expect(readingBasis('service_address', 'Service address', { source: 'layout' }).guess).toBe(false);
    expect(readingBasis('account_number', 'Account number', { source: 'shape', label: 'Client Ref:' })).toMatchObject({
      guess: true,
    });
    const pin = readingBasis('pin', 'PIN / passcode', { source: 'label', label: 'PIN:', rival_under_caption: true });
    expect(pin.guess).toBe(true);
    expect(pin.text).toMatch(/^under the caption “PIN:”; another value/);
    const zip = readingBasis('service_address', 'Service address', {
      source: 'label',
      label: 'Service Address:',
      zip_check: { note: 'ZIP 38602 is not Tampa’s — 33602?', suggested_zip: '33602' },
    });
    expect(zip.text).toBe('under the caption “Service Address:”. ZIP 38602 is not Tampa’s — 33602?');
  });
});
