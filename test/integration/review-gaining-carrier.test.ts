/**
 * The gaining carrier set in Settings reaches the review, and `portdesk compare --gaining-carrier`
 * takes it too: an LOA whose name reads as the user's own company (the porting company it authorises)
 * is a check — the customer's name was not read — never a predicted ENTITY rejection against the CSR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compare } from '../../electron/cli/commands/compare.js';
import { openCore, type Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';
import { caseWithDocs, reviewDocs } from './review-fixtures.js';

process.env.PORTDESK_OCR_WORKERS = '1';

const TODAY = new Date(2025, 3, 1, 12, 0, 0);
const DATES = { loaDate: '2025-03-25', invoiceDate: '2025-03-20', csrDate: '2025-03-20' };
const OWN = 'Harborline Voice LLC';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

const entityOutcome = (r: { predicted_rejections: { code: string }[]; checks: { field: string; why: string }[] }) => ({
  entity: r.predicted_rejections.some((p) => p.code === 'ENTITY_NAME_MISMATCH'),
  ownCompanyCheck: r.checks.some((c) => c.field === 'account_name' && /your own company's name/.test(c.why)),
});

describe('the gaining carrier from the settings in the review', () => {
  it("an LOA naming only the user's own company is a check once Settings name it, and stays so after a restart", async () => {
    const dataDir = tempDir('portdesk-gaining-');
    let core = openCore({ dataDir, hostKind: 'loopback', actor: 'tester', now: () => TODAY });
    cores.push(core);
    const { caseId } = await caseWithDocs(core, await reviewDocs({ ...DATES, loaName: OWN }));
    expect(entityOutcome(await core.call('review.compare', { caseId }))).toEqual({
      entity: true,
      ownCompanyCheck: false,
    });

    await core.call('settings.set', { gainingCarrier: OWN });
    expect(entityOutcome(await core.call('review.compare', { caseId }))).toEqual({
      entity: false,
      ownCompanyCheck: true,
    });

    await core.close();
    cores.splice(0);
    core = openCore({ dataDir, hostKind: 'loopback', actor: 'tester', now: () => TODAY });
    cores.push(core);
    expect((await core.call('settings.get', {})).gainingCarrier).toBe(OWN);
    expect(entityOutcome(await core.call('review.compare', { caseId })).entity).toBe(false);
  }, 60_000);
});

describe('portdesk compare --gaining-carrier', () => {
  const dir = () => tempDir('portdesk-gaining-cli-');
  const fields = (name: string) => ({ account_name: { value: name, confidence: 0.9, page: 1, bbox: null } });

  async function cli(extra: string[]): Promise<{ code: number; out: string; err: string }> {
    const d = dir();
    const files = {
      loa: path.join(d, 'loa.json'),
      csr: path.join(d, 'csr.json'),
    };
    fs.writeFileSync(files.loa, JSON.stringify(fields(OWN)));
    fs.writeFileSync(files.csr, JSON.stringify(fields('LAKEVIEW DENTAL GROUP LLC')));
    const out: string[] = [];
    const err: string[] = [];
    const argv = ['--loa-json', files.loa, '--csr-json', files.csr, '--as-of', '2025-04-01', '--json', ...extra];
    try {
      const code = await compare.run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    } catch (e) {
      return { code: 2, out: '', err: String(e) };
    }
  }

  it('takes the gaining carrier: the LOA naming it is a check, not ENTITY', async () => {
    const without = await cli([]);
    expect(entityOutcome(JSON.parse(without.out)).entity).toBe(true);
    const withOwn = await cli(['--gaining-carrier', OWN]);
    expect(withOwn.code).toBe(0);
    expect(entityOutcome(JSON.parse(withOwn.out))).toEqual({ entity: false, ownCompanyCheck: true });
  });

  it('refuses a name too long to be a company name', async () => {
    const r = await cli(['--gaining-carrier', 'x'.repeat(121)]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('--gaining-carrier');
  });
});
