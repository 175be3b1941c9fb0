/*
 * The desktop package, checked from what electron-builder built (release/linux-unpacked by
 * `npm run dist:dir`), never from the source tree: the packaged main process boots under Node with a
 * stand-in `electron` module and works a case end to end with the package's own files; removing a
 * file the app needs makes it fail; only what runs ships, within the size limit; the fuses are set.
 * scripts/test.mjs passes the package it just built in PORTDESK_PACKAGE_DIR; run alone, this file
 * builds one into a temp folder (about a minute).
 */
import asar from '@electron/asar';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { scan } from './documents-fixtures.js';
import { reviewDocs } from './review-fixtures.js';

const repo = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
let pkg = '';
let ownBuild: string | null = null;
let fixtures = '';

interface Step {
  name: string;
  [k: string]: unknown;
}
interface BootResult {
  steps: Step[];
  error: string | null;
}

beforeAll(async () => {
  if (process.env.PORTDESK_PACKAGE_DIR) pkg = process.env.PORTDESK_PACKAGE_DIR;
  else {
    ownBuild = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-release-'));
    const r = spawnSync(process.execPath, [path.join(repo, 'scripts', 'dist-dir.mjs'), '--out', ownBuild], {
      cwd: repo,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`npm run dist:dir failed:\n${r.stdout}\n${r.stderr}`);
    pkg = path.join(ownBuild, 'linux-unpacked');
  }
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-package-fixtures-'));
  const docs = await reviewDocs({ loaDate: '2025-02-20', invoiceDate: '2025-02-15' });
  fs.writeFileSync(path.join(fixtures, 'loa.pdf'), docs.loa);
  fs.writeFileSync(path.join(fixtures, 'csr.pdf'), docs.csr);
  fs.writeFileSync(
    path.join(fixtures, 'invoice-scan.png'),
    scan(
      [
        'AT&T Monthly Statement',
        'Statement Date: February 15, 2025',
        'Account Name: LAKEVIEW DENTAL GROUP LLC',
        'Account Number: 8310 0044 1770',
        'Service Address: 1200 W Madison St, Suite 200',
        'Chicago, IL 60607',
        'Telephone Numbers: (312) 555-0147, (312) 555-0148',
      ],
      { dpi: 200, heightIn: 4.5 },
    ).png,
  );
}, 300_000);

afterAll(() => {
  for (const d of [ownBuild, fixtures]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

/** The package's resources folder as Electron sees it, with app.asar extracted in place (Node cannot read an asar). */
function extractedResources(): string {
  const res = path.join(tempDir('portdesk-pkg-'), 'resources');
  asar.extractAll(path.join(pkg, 'resources', 'app.asar'), path.join(res, 'app.asar'));
  for (const entry of fs.readdirSync(path.join(pkg, 'resources'))) {
    if (!entry.startsWith('app.asar'))
      fs.cpSync(path.join(pkg, 'resources', entry), path.join(res, entry), { recursive: true });
  }
  return res;
}

/** readOnly: stop after reading the documents (the missing-file cases need no review or packet). */
function boot(resources: string, readOnly = false): BootResult & { dataDir: string } {
  const dataDir = tempDir('portdesk-pkg-data-');
  const plan = path.join(dataDir, '..', `${path.basename(dataDir)}-plan.json`);
  fs.writeFileSync(
    plan,
    JSON.stringify({
      readOnly,
      asOf: '2025-03-01',
      readTimeoutMs: 180_000,
      csv:
        'entity_name,numbers,authorized_person,btn,account_number,service_street,service_unit,service_city,service_state,service_zip,losing_carrier\n' +
        'Lakeview Dental Group LLC,(312) 555-0147; (312) 555-0148,Maria Lopez,(312) 555-0147,831000441770,1200 W Madison St,Suite 200,Chicago,IL,60607,AT&T\n',
      documents: [
        { kind: 'loa', name: 'loa.pdf', file: path.join(fixtures, 'loa.pdf') },
        { kind: 'invoice', name: 'invoice-scan.png', file: path.join(fixtures, 'invoice-scan.png') },
        { kind: 'csr', name: 'csr.pdf', file: path.join(fixtures, 'csr.pdf') },
      ],
    }),
  );
  try {
    const stdout = execFileSync(
      process.execPath,
      [path.join(repo, 'test', 'integration', 'package-boot.mjs'), resources, dataDir, plan],
      {
        // a clean environment: nothing may point the app back at the checkout
        env: { PATH: process.env.PATH ?? '', HOME: dataDir, PORTDESK_OCR_WORKERS: '1' },
        cwd: dataDir,
        encoding: 'utf8',
        timeout: 240_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return { ...(JSON.parse(stdout.trim().split('\n').pop()!) as BootResult), dataDir };
  } finally {
    fs.rmSync(plan, { force: true });
  }
}

const stepOf = (r: BootResult, name: string) => r.steps.find((s) => s.name === name);

describe('the built package', () => {
  it('boots its main process with the package files and works a case: import, read a text PDF and a scan, review, packet', () => {
    const resources = extractedResources();
    const r = boot(resources);
    expect(r.error).toBeNull();
    expect(stepOf(r, 'boot')).toMatchObject({ host: 'electron', dataDir: r.dataDir });
    const renderer = stepOf(r, 'renderer')!;
    expect(renderer).toMatchObject({ status: 200, html: true });
    expect(String(renderer.fetched)).toBe(
      `file://${path.join(resources, 'app.asar', 'dist', 'renderer', 'index.html')}`,
    );
    expect(stepOf(r, 'import')).toMatchObject({ imported: 1, rejected: 0 });
    expect(stepOf(r, 'read loa')).toMatchObject({ status: 'ready', methods: ['text'] });
    expect(stepOf(r, 'read csr')).toMatchObject({ status: 'ready', methods: ['text'] });
    const invoice = stepOf(r, 'read invoice')!;
    expect(invoice).toMatchObject({ status: 'ready', methods: ['ocr'] });
    expect(invoice.words).toEqual(expect.arrayContaining(['LAKEVIEW', '60607']));
    const review = stepOf(r, 'review')!;
    expect(review.pending).toBe(0);
    expect(review.documentsUsed).toMatchObject({
      loa: expect.any(Number),
      invoice: expect.any(Number),
      csr: expect.any(Number),
    });
    expect(review.compared).toBeGreaterThan(3);
    const packet = stepOf(r, 'packet')!;
    expect(packet).toMatchObject({ insideDataDir: true, pdfMagic: '%PDF-' });
    expect(packet.files).toEqual([expect.stringMatching(/packet\.pdf$/), expect.stringMatching(/packet\.zip$/)]);
    expect(stepOf(r, 'quit')).toMatchObject({ quit: true });
    // a packaged build asks electron-updater, which read the package's app-update.yml (a dir build is
    // no AppImage, so it stops there, offline) and nothing failed
    const logs = stepOf(r, 'logs')!.lines as string[];
    expect(logs).toContainEqual(expect.stringMatching(/not an AppImage/));
    expect(logs.filter((l) => /update check failed|^error:/.test(l))).toEqual([]);
  }, 300_000);

  it.each([
    ['the English OCR data', 'resources/tessdata/eng.traineddata.gz', /OCR language data .*missing/],
    ['the OCR worker bundle', 'app.asar/dist/workers/ocr-worker.mjs', /OCR worker .*missing/],
    ['the tesseract WASM core', 'app.asar/node_modules/tesseract.js-core/tesseract-core-relaxedsimd.wasm', /.+/],
  ])(
    'fails to read the scan when %s is missing from the package',
    (_what, file, message) => {
      const resources = extractedResources();
      // which core loads depends on the CPU (relaxed SIMD, SIMD, neither): remove all three
      const removed = file.includes('tesseract-core')
        ? ['', '-simd', '-relaxedsimd'].map((v) => `app.asar/node_modules/tesseract.js-core/tesseract-core${v}.wasm`)
        : [file];
      for (const f of removed) {
        expect(fs.existsSync(path.join(resources, f)), `${f} is in the package`).toBe(true);
        fs.rmSync(path.join(resources, f));
      }
      const r = boot(resources, true);
      const invoice = stepOf(r, 'read invoice');
      const failure = r.error ?? (invoice?.status === 'ready' ? '' : String(invoice?.error));
      expect(invoice?.status).not.toBe('ready');
      expect(failure).toMatch(message);
      // the text PDF needs no OCR and still reads
      expect(stepOf(r, 'read loa')).toMatchObject({ status: 'ready' });
    },
    300_000,
  );

  it('does not start without its SQLite addon', () => {
    const resources = extractedResources();
    const addon = path.join(
      resources,
      'app.asar',
      'node_modules',
      'better-sqlite3',
      'prebuilds',
      `${process.platform}-${process.arch}.node`,
    );
    fs.rmSync(addon);
    const r = boot(resources);
    expect(r.error).toMatch(/IPC bridge.*(prebuilds|better-sqlite3|\.node)/);
    expect(stepOf(r, 'boot')).toBeUndefined();
  }, 120_000);
});

describe('what ships', () => {
  const files = () =>
    asar.listPackage(path.join(pkg, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  const everything = () => [
    ...files().map((f) => `app.asar${f}`),
    ...(fs.readdirSync(path.join(pkg, 'resources', 'resources'), { recursive: true }) as string[]).map(
      (f) => `resources/${f}`,
    ),
  ];

  it('fits in the size limit for one platform (scripts/dist-dir.mjs, 120 MB)', () => {
    // the limit is stated once, by the build script, in the report it writes beside the package
    const { limitMB } = JSON.parse(fs.readFileSync(path.join(pkg, '..', 'package-size.json'), 'utf8')) as {
      limitMB: number;
    };
    expect(limitMB).toBe(120);
    const bytes = (dir: string): number =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .reduce(
          (n, e) =>
            n +
            (e.isDirectory()
              ? bytes(path.join(dir, e.name))
              : e.isFile()
                ? fs.statSync(path.join(dir, e.name)).size
                : 0),
          0,
        );
    const mb = bytes(path.join(pkg, 'resources')) / 1e6;
    expect(mb).toBeLessThanOrEqual(limitMB);
  });

  it("only what runs: no TypeScript tooling, one English model, the tesseract cores Node loads, this platform's SQLite addon, no source maps", () => {
    const all = everything();
    expect(all.filter((f) => /node_modules\/(tsx|esbuild|@esbuild|typescript|vite|vitest)\//.test(f))).toEqual([]);
    expect(all.filter((f) => f.endsWith('.traineddata.gz') || f.endsWith('.traineddata'))).toEqual([
      'resources/tessdata/eng.traineddata.gz',
    ]);
    expect(
      all
        .filter((f) => /tesseract\.js-core\/.*\.wasm$/.test(f))
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(['tesseract-core-relaxedsimd.wasm', 'tesseract-core-simd.wasm', 'tesseract-core.wasm']);
    expect(all.filter((f) => f.includes('better-sqlite3/prebuilds/'))).toEqual([
      `app.asar/node_modules/better-sqlite3/prebuilds/linux-${process.arch}.node`,
    ]);
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(all).toContain('app.asar/dist/workers/ocr-worker.mjs');
    expect(all.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('has the Electron fuses flipped: no RunAsNode, NODE_OPTIONS or --inspect; cookie encryption, ASAR integrity, ASAR only', () => {
    const binary = fs.readFileSync(path.join(pkg, 'portdesk'));
    const at = binary.indexOf('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX') + 32;
    expect(at).toBeGreaterThan(32);
    expect(binary[at]).toBe(1); // wire version
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadFromAsar, V8Snapshot, FileProtocolPrivileges
    expect(wire).toBe('01001100');
  });

  it('carries the update channel and icons for Linux, macOS and Windows', () => {
    expect(fs.readFileSync(path.join(pkg, 'resources', 'app-update.yml'), 'utf8')).toMatch(/provider: generic/);
    const build = path.join(repo, 'resources', 'build');
    const png = fs.readFileSync(path.join(build, 'icon.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    const icns = fs.readFileSync(path.join(build, 'icon.icns'));
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const ico = fs.readFileSync(path.join(build, 'icon.ico'));
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 7]);
  });
});
