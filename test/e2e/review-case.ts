import type { Page } from '@playwright/test';
import { base64, reviewDocs, type ReviewDocsOptions } from '../integration/review-fixtures.js';
import { expect, rpc } from './fixtures.js';

/** YYYY-MM-DD, `days` before today on the host's calendar (document ages are judged against today). */
export function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Lakeview Dental on AT&T with every field exactly as on its CSR (the PDFs caseInReview attaches): no blocker. */
export const LAKEVIEW_AS_ON_CSR = {
  entity_name: 'LAKEVIEW DENTAL GROUP LLC',
  authorized_person: 'MARIA LOPEZ',
  losing_carrier: 'AT&T',
  account_number: '831000441770',
  btn: '312-555-0147',
  service_street: '1200 W MADISON ST',
  service_unit: 'STE 200',
  service_city: 'CHICAGO',
  service_state: 'IL',
  service_zip: '60607',
};

/** Documents young enough for every default age limit. */
export const FRESH = { loaDate: daysAgo(3), invoiceDate: daysAgo(12), csrDate: daysAgo(6) };

/** A case moved to review with its LOA, invoice and CSR (Lakeview Dental PDFs) attached and read. */
export async function caseInReview(
  page: Page,
  fields: Record<string, string>,
  docs: Partial<ReviewDocsOptions> = {},
  numbersText = '(312) 555-0147\n(312) 555-0148',
): Promise<number> {
  const c = await rpc<{ id: number; version: number }>(page, 'cases.create', { fields, numbersText });
  const files = await reviewDocs({ ...FRESH, ...docs });
  for (const kind of ['loa', 'invoice', 'csr'] as const) {
    await rpc(page, 'documents.attach', {
      caseId: c.id,
      name: `${kind}-lakeview.pdf`,
      dataBase64: base64(files[kind]),
    });
  }
  await expect
    .poll(
      async () =>
        (await rpc<{ status: string; kind: string }[]>(page, 'documents.list', { caseId: c.id }))
          .map((d) => `${d.kind}:${d.status}`)
          .join(','),
      { timeout: 30_000 },
    )
    .toBe('loa:ready,invoice:ready,csr:ready');
  // with its three papers read, the case moves to Review by itself
  await expect
    .poll(async () => (await rpc<{ status: string }>(page, 'cases.get', { id: c.id })).status, { timeout: 10_000 })
    .toBe('review');
  return c.id;
}
