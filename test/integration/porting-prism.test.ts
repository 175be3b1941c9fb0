import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TelnyxClient, type Exchange } from '../../electron/core/porting/client.js';
import { OpenApiValidator, SPEC_FILE } from './porting-openapi.js';

/**
 * The client against `prism mock` of the OpenAPI subset (prism validates every request and answers
 * from the spec's examples and schemas), and the `portdesk sim` command. Both listen on 127.0.0.1
 * at a port the OS picks; both are stopped by their own PID.
 */

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.pid) process.kill(c.pid, 'SIGTERM');
});

function start(args: string[], ready: RegExp): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ url: m[1]!, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready:\n${out.slice(-2000)}`)));
  });
}

const ORDER = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

describe('porting client against independent servers', () => {
  it('every call PortDesk makes is accepted by prism mock, and its answers parse', async () => {
    const prism = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
    const { url, child } = await start(
      [prism, 'mock', '-h', '127.0.0.1', '-p', '0', SPEC_FILE],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    );
    const exchanges: Exchange[] = [];
    const client = new TelnyxClient({
      baseUrl: url,
      apiKey: 'prism-test-key',
      timeoutMs: 10_000,
      observe: (x) => exchanges.push(x),
    });
    expect((await client.portabilityCheck(['+13125550147']))[0]!.phone_number).toMatch(/^\+/);
    expect(
      (await client.createOrders({ phone_numbers: ['+13125550147'], customer_reference: '7' }))[0]!.status.value,
    ).toBe('draft');
    expect((await client.getOrder(ORDER)).id).toBeTruthy();
    expect((await client.listOrders({ customer_reference: '7' }, 1, 10)).orders.length).toBeGreaterThan(0);
    expect((await client.focWindows(ORDER)).length).toBeGreaterThan(0);
    await client.requirements(ORDER);
    const doc = await client.uploadDocument(
      { bytes: new TextEncoder().encode('%PDF-1.4'), fileName: 'loa.pdf', contentType: 'application/pdf' },
      'ref',
    );
    await client.findDocuments('ref');
    const updated = await client.updateOrder(ORDER, {
      customer_reference: '7',
      end_user: {
        admin: {
          entity_name: 'Lakeview Dental Group PC',
          auth_person_name: 'Maria Okafor',
          billing_phone_number: '+13125550147',
          account_number: '831000',
          pin_passcode: null,
        },
        location: {
          street_address: '2145 N Halsted St',
          extended_address: null,
          locality: 'Chicago',
          administrative_area: 'IL',
          postal_code: '60614',
          country_code: 'US',
        },
      },
      misc: { type: 'partial', remaining_numbers_action: 'keep', new_billing_phone_number: '+13125550148' },
      activation_settings: { foc_datetime_requested: '2026-12-01T15:00:00Z' },
      phone_number_configuration: { connection_id: '1752379429071357070', tags: ['x'] },
      documents: { loa: doc.id, invoice: doc.id },
    });
    expect(updated.id).toBeTruthy();
    await client.addAdditionalDocuments(ORDER, {
      additional_documents: [{ document_id: doc.id, document_type: 'csr' }],
    });
    await client.listAdditionalDocuments(ORDER);
    expect((await client.confirmOrder(ORDER)).status.value).toBeTruthy();
    await client.createComment(ORDER, 'hello');
    await client.listComments(ORDER);
    await client.listEvents('2026-01-01T00:00:00.000Z');
    await client.cancelOrder(ORDER);
    expect(exchanges.every((x) => x.status !== null && x.status < 300)).toBe(true);
    expect(new OpenApiValidator().checkAll(exchanges)).toEqual([]);
    process.kill(child.pid!, 'SIGTERM');
  }, 90_000);

  it('`portdesk sim --port 0` prints one ready line and serves the API until killed', async () => {
    const bin = fileURLToPath(new URL('../../bin/portdesk.mjs', import.meta.url));
    const { url, child } = await start(
      [bin, 'sim', '--port', '0', '--api-key', 'cli-sim-key-1'],
      /ready: (http:\/\/127\.0\.0\.1:\d+\/v2)\n/,
    );
    const client = new TelnyxClient({ baseUrl: url, apiKey: 'cli-sim-key-1' });
    const [r] = await client.portabilityCheck(['+13125550147']);
    expect(r).toMatchObject({ phone_number: '+13125550147', portable: true });
    await expect(new TelnyxClient({ baseUrl: url, apiKey: 'not-the-key' }).listOrders({})).rejects.toThrow(/401/);
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    process.kill(child.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
