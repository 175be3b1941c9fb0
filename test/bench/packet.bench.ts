/**
 * Time to build a resubmission packet (review, cover sheet, corrected LOA, received pages copied,
 * ZIP with originals and JSON, written to the exports folder) for a rejected case whose CSR has
 * 20 pages; and an LOA listing 300 numbers. Documents are attached and read once, before timing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core/index.js';
import { caseWithDocuments, rejectOrder } from '../integration/export-fixtures.js';
import { round, summarize, time } from './stats.js';

export async function bench() {
  process.env.PORTDESK_OCR_WORKERS ??= '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-bench-packet-'));
  const core = openCore({ dataDir: dir, hostKind: 'loopback', actor: 'bench' });
  try {
    const { caseId } = await caseWithDocuments(core, { pin: '902211', csrExtraPages: 19 });
    rejectOrder(
      core,
      caseId,
      'bench-order-1',
      [{ code: 'ENTITY_NAME_MISMATCH' }, { code: 'SERVICE_ADDRESS_MISMATCH' }],
      ['+13035550170'],
    );
    const many = Array.from({ length: 300 }, (_, i) => `(720) 555-${String(1000 + i).padStart(4, '0')}`);
    const big = await caseWithDocuments(core, { numbers: many, loaLines: null });

    let last = await core.call('export.packet', { caseId });
    for (let i = 0; i < 2; i++) await core.call('export.packet', { caseId }); // warm up
    const packet: number[] = [];
    for (let i = 0; i < 15; i++)
      packet.push(
        await time(async () => {
          last = await core.call('export.packet', { caseId });
        }),
      );
    const loa: number[] = [];
    let loaPages = 0;
    for (let i = 0; i < 10; i++)
      loa.push(
        await time(async () => {
          loaPages = (await core.call('export.loa', { caseId: big.caseId })).pages;
        }),
      );
    const pdf = last.files.find((f) => f.mime === 'application/pdf')!;
    const zip = last.files.find((f) => f.mime === 'application/zip')!;
    return {
      packet_20_page_csr: {
        ...summarize(packet),
        pdf_pages: last.pages,
        pdf_kb: round(pdf.bytes / 1024),
        zip_kb: round(zip.bytes / 1024),
      },
      loa_300_numbers: { ...summarize(loa), pages: loaPages },
    };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
