import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';

async function textPdf(line: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawText(line, { x: 72, y: 700, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

describe('attaching through the desktop file dialog', () => {
  it('attaches every picked file, refuses bad ones by name, and reports documents being read', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'csr.pdf'),
      await textPdf('Customer Service Record  Account Number: 8310004417726  Acme Dental LLC'),
    );
    fs.writeFileSync(path.join(dir, 'notes.pdf'), 'just some text, not a PDF at all');
    let asked = '';
    const core = openCore({
      dataDir: tempDir(),
      hostKind: 'electron',
      hostServices: {
        pickFiles: async ({ title }) => {
          asked = title;
          return [path.join(dir, 'csr.pdf'), path.join(dir, 'notes.pdf'), path.join(dir, 'gone.pdf')];
        },
      },
    });
    try {
      const c = await core.call('cases.create', { fields: { entity_name: 'Acme Dental LLC' } });
      const res = await core.call('documents.attachFromDialog', { caseId: c.id });
      expect(asked).toMatch(/Attach/);
      expect(res.attached.map((d) => d.name)).toEqual(['csr.pdf']);
      expect(res.refused.map((r) => r.name)).toEqual(['notes.pdf', 'gone.pdf']);
      expect(res.refused[0]!.message).toMatch(/text/i);
      expect((await core.call('documents.list', { caseId: c.id })).map((d) => d.name)).toEqual(['csr.pdf']);
      await expect.poll(async () => (await core.call('documents.active', {})).length, { timeout: 20_000 }).toBe(0);
      expect((await core.call('documents.list', { caseId: c.id }))[0]!.status).toBe('ready');
    } finally {
      await core.close();
    }
  });

  it('is refused with a clear message in browser mode', async () => {
    const core = openCore({ dataDir: tempDir(), hostKind: 'loopback' });
    const c = await core.call('cases.create', { fields: { entity_name: 'X' } });
    expect(await core.dispatch('documents.attachFromDialog', { caseId: c.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/desktop app/) },
    });
    await core.close();
  });
});
