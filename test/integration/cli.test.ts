import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signIn } from '../helpers/sign-in.js';
import { tempDir } from '../helpers/tmp.js';

const BIN = path.resolve('bin/portdesk.mjs');
function portdesk(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('portdesk command line', () => {
  it('imports a CSV, then lists, searches and shows cases as JSON', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'cases.csv');
    fs.writeFileSync(
      csv,
      [
        'ENTITY_NAME,Numbers,account_number,pin,losing_carrier,service_zip',
        '"Maple & Oak Realty Co.",207-555-0101; (207) 555-0102,8260170600234567,4412,Spectrum Business,04101',
        'Copper Kettle Cafe,412.555.0166,1002938475,,Vonage,15222',
        'Broken Row,not a number,,,,',
      ].join('\n'),
    );
    const imp = portdesk(['cases', 'import', csv, '--data-dir', dir, '--json']);
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out)).toMatchObject({ imported: 2, rejected: [{ row: 4 }] });

    const list = portdesk(['cases', 'list', '--data-dir', dir, '--json']);
    const cases = JSON.parse(list.out) as { id: number; status: string; entity_name: string; numbers: string[] }[];
    expect(cases.map((c) => c.entity_name)).toEqual(['Maple & Oak Realty Co.', 'Copper Kettle Cafe']);
    expect(cases[0]).toMatchObject({ status: 'intake', numbers: ['+12075550101', '+12075550102'] });

    const found = JSON.parse(
      portdesk(['cases', 'list', '--search', '(412) 555 0166', '--data-dir', dir, '--json']).out,
    );
    expect(found.map((c: { entity_name: string }) => c.entity_name)).toEqual(['Copper Kettle Cafe']);
    const intake = JSON.parse(portdesk(['cases', 'list', '--status', 'review', '--data-dir', dir, '--json']).out);
    expect(intake).toEqual([]);

    const show = portdesk(['cases', 'show', String(cases[0]!.id), '--data-dir', dir, '--json']);
    const one = JSON.parse(show.out);
    expect(one).toMatchObject({ id: cases[0]!.id, entity_name: 'Maple & Oak Realty Co.', pin_set: true });
    expect(show.out).not.toContain('4412');
  });

  it('reads documents for extract and compare (the paths the bundled CLI takes in CI)', () => {
    const d = path.resolve('test/fixtures/generator/samples');
    const ex = portdesk(['extract', path.join(d, 'csr-keyvalue-9.pdf'), '--json']);
    expect(ex.code).toBe(0);
    expect(JSON.parse(ex.out)).toMatchObject({
      type: 'csr',
      pages: 1,
      page_methods: ['text'],
      fields: { account_number: { value: expect.any(String) } },
    });
    const cmp = portdesk([
      'compare',
      '--loa',
      path.join(d, 'loa-form-7.pdf'),
      '--invoice',
      path.join(d, 'inv-classic-8.pdf'),
      '--csr',
      path.join(d, 'csr-keyvalue-9.pdf'),
      '--as-of',
      '2026-03-01',
      '--json',
    ]);
    expect(cmp.err).toBe('');
    const out = JSON.parse(cmp.out);
    // three unrelated customers' documents: the names cannot agree
    expect(out.fields.account_name.verdict).toBe('mismatch');
    expect(out.predicted_rejections.map((r: { code: string }) => r.code)).toContain('ENTITY_NAME_MISMATCH');

    // a number not on the account is a predicted rejection; an invalid one is named on stderr
    const nums = portdesk([
      'compare',
      '--csr',
      path.join(d, 'csr-keyvalue-9.pdf'),
      '--numbers',
      '+13125559999,+15555550100',
      '--json',
    ]);
    expect(nums.err).toMatch(/"\+15555550100" is not a valid phone number/);
    expect(JSON.parse(nums.out).predicted_rejections).toContainEqual(
      expect.objectContaining({ code: 'PHONE_NUMBER_MISMATCH' }),
    );
  });

  it('prints a document PIN masked (page and box kept) unless --reveal-pin is given', () => {
    const loa = path.resolve('test/fixtures/generator/samples/loa-form-7.pdf');
    const truth = JSON.parse(fs.readFileSync(loa.replace(/\.pdf$/, '.truth.json'), 'utf8')) as {
      truth: { pin: string };
    };
    const pin = truth.truth.pin;
    const masked = portdesk(['extract', loa, '--json']);
    expect(masked.code).toBe(0);
    expect(masked.out).not.toContain(pin);
    expect(JSON.parse(masked.out).fields.pin).toMatchObject({
      value: { masked: true },
      page: 1,
      bbox: expect.any(Array),
    });
    const text = portdesk(['extract', loa]);
    expect(text.out).toMatch(/pin .*masked; --reveal-pin/);
    expect(text.out).not.toContain(pin);
    // several files: the array form is masked too
    const many = portdesk(['extract', loa, loa, '--json']);
    expect(many.out).not.toContain(pin);

    // fed to compare, a masked PIN is refused with what to do (not read as "no PIN")
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'loa.json'), masked.out);
    const cmp = portdesk(['compare', '--loa-json', path.join(dir, 'loa.json'), '--json']);
    expect(cmp.code).not.toBe(0);
    expect(cmp.err).toMatch(/pin is masked.*--reveal-pin/);

    const revealed = portdesk(['extract', loa, '--json', '--reveal-pin']);
    expect(JSON.parse(revealed.out).fields.pin.value).toBe(pin);
    expect(portdesk(['extract', loa, '--reveal-pin']).out).toContain(pin);
  });

  it('uses $XDG_DATA_HOME/portdesk when no --data-dir is given', () => {
    const xdg = tempDir();
    const csv = path.join(xdg, 'c.csv');
    fs.writeFileSync(csv, 'entity_name,numbers\nXdg Co,3125550100\n');
    expect(portdesk(['cases', 'import', csv], { XDG_DATA_HOME: xdg }).code).toBe(0);
    expect(fs.existsSync(path.join(xdg, 'portdesk', 'portdesk.sqlite'))).toBe(true);
  });

  it('fails with a one-line message for bad input', () => {
    const dir = tempDir();
    const missing = portdesk(['cases', 'import', path.join(dir, 'nope.csv'), '--data-dir', dir]);
    expect(missing.code).not.toBe(0);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toMatch(/cannot read/);
    expect(portdesk(['cases', 'list', '--status', 'bogus', '--data-dir', dir]).err).toMatch(/unknown status bogus/);
    expect(portdesk(['frobnicate']).code).toBe(2);
    const corrupt = tempDir();
    fs.writeFileSync(path.join(corrupt, 'portdesk.sqlite'), 'garbage'.repeat(1000));
    const bad = portdesk(['cases', 'list', '--data-dir', corrupt]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/damaged or is not a PortDesk database/);
  });

  it('serve prints the URL of a working loopback host', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [BIN, 'serve', '--data-dir', dir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += c;
          const m = /PortDesk ready: (http:\/\/127\.0\.0\.1:\d+\/auth\?token=\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const cookie = await signIn(url);
      const res = await fetch(new URL('/rpc/app.info', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: '{}',
      });
      expect(await res.json()).toMatchObject({ ok: true, value: { host: 'loopback', dataDir: dir } });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
