import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Telnyx from 'telnyx';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { SPEC_FILE } from './porting-openapi.js';

/**
 * Telnyx's official SDK runs the CSR flow (coverage → create → retrieve until completed or failed,
 * list) against `portdesk sim`, through `prism proxy` of the OpenAPI subset with --errors: Prism
 * checks every request and every answer against the spec and turns any violation into an error.
 * Both processes listen on 127.0.0.1 at a port the OS picks and are stopped by their own PID.
 */

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.pid) process.kill(c.pid, 'SIGTERM');
});

function start(args: string[], ready: RegExp): Promise<{ match: RegExpExecArray; output: () => string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ match: m, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready:\n${out.slice(-2000)}`)));
  });
}

const API_KEY = 'sdk-sim-key-0001';

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the Telnyx SDK against portdesk sim through a validating Prism proxy', () => {
  it('runs coverage, create and retrieve to completed and to failed, with no violation', async () => {
    const records = path.join(tempDir(), 'records.json');
    fs.writeFileSync(
      records,
      JSON.stringify([
        {
          carrier_name: 'Lumen',
          account_name: 'Lakeview Dental Group PC',
          account_number: '83100022',
          btn: '3125550147',
          authorized_persons: ['Maria Okafor'],
          service_address: { street_line: '2145 N Halsted St', unit: '', city: 'Chicago', state: 'IL', zip5: '60614' },
          phone_numbers: ['3125550147', '3125550148'],
        },
      ]),
    );
    const bin = fileURLToPath(new URL('../../bin/portdesk.mjs', import.meta.url));
    // 60 s of the carrier's time pass in a tenth of a second
    const sim = await start(
      [bin, 'sim', '--port', '0', '--api-key', API_KEY, '--speed', '600', '--records', records],
      /ready: (http:\/\/127\.0\.0\.1:\d+\/v2)\n/,
    );
    const prismCli = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
    const prism = await start(
      [prismCli, 'proxy', '-h', '127.0.0.1', '-p', '0', '--errors', SPEC_FILE, sim.match[1]!],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    );
    const client = new Telnyx({ apiKey: API_KEY, baseURL: prism.match[1]!, maxRetries: 0, timeout: 15_000 });

    const coverage = await client.customerServiceRecords.verifyPhoneNumberCoverage({
      phone_numbers: ['+13125550147', '+18005550199'],
    });
    expect(coverage.data).toEqual([
      expect.objectContaining({
        phone_number: '+13125550147',
        has_csr_coverage: true,
        additional_data_required: ['account_number', 'zip_code'],
      }),
      expect.objectContaining({ phone_number: '+18005550199', has_csr_coverage: false }),
    ]);

    const created = await client.customerServiceRecords.create({
      phone_number: '+13125550147',
      additional_data: { account_number: '83100022', zip_code: '60614' },
    });
    expect(created.data).toMatchObject({ phone_number: '+13125550147', status: 'pending', result: null });
    const completed = await until(
      () => client.customerServiceRecords.retrieve(created.data!.id!),
      (r) => r.data?.status !== 'pending',
    );
    expect(completed.data).toMatchObject({
      status: 'completed',
      result: {
        carrier_name: 'Lumen',
        admin: { name: 'Lakeview Dental Group PC', account_number: '83100022', billing_phone_number: '+13125550147' },
        associated_phone_numbers: ['+13125550148'],
      },
    });

    const refused = await client.customerServiceRecords.create({
      phone_number: '+13125550148',
      additional_data: { account_number: '11111111', zip_code: '60614' },
    });
    const failed = await until(
      () => client.customerServiceRecords.retrieve(refused.data!.id!),
      (r) => r.data?.status !== 'pending',
    );
    expect(failed.data).toMatchObject({
      status: 'failed',
      error_message: 'The account number does not match the carrier records for this phone number.',
      result: null,
    });

    const page = await client.customerServiceRecords.list({ filter: { phone_number: { eq: '+13125550147' } } });
    expect(page.data.map((r) => r.id)).toEqual([created.data!.id]);

    await expect(client.customerServiceRecords.create({ phone_number: '+1312555014' })).rejects.toMatchObject({
      status: 422,
    });
    expect(prism.output()).not.toMatch(/violation/i);
  }, 90_000);
});
