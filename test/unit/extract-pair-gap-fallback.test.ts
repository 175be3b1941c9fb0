/**
 * A caption without a colon whose words a scan's wider space parts ("Summary      by  Service   Location") is
 * no "key  value" pair unless the part before the space names the account name: the whole caption still
 * reads, as sure as before the pair rule. Read under "Service Location" alone, the invoice's service address
 * fell from 0.64 to 0.44 and a planted LOCATION difference the CSR misread was left a check (dev guard bad
 * scans, inv-remitstub 9211, drawn with the 44 stand-ins of this stop). The synthetic pages of the text layer
 * part such a caption into cells, so the port is the test.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { devBadScanPort, reviewPort } from '../bench/review-ports.js';

describe("a scan's wider space inside a caption of another field than the name", () => {
  it('inv-remitstub 9211: "Summary by Service Location" is the caption, the LOCATION difference a rejection', () => {
    const p = devBadScanPort(9211, undefined, 44);
    expect(p.invoice.layout).toBe('inv-remitstub');
    const inv = extractFields(p.invoice.pages, 'invoice').fields.service_address;
    expect(inv?.value.street_line).toBe('8519 N RIDGE RD');
    expect(inv!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(reviewPort(p).predicted_rejections.map((r) => r.code)).toContain('LOCATION_MISMATCH');
  });
});
