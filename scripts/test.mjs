// `npm test`: every suite (vitest unit + integration, Playwright e2e in Debian's Chromium), then one
// closing line "N passed, N failed" counting every test that ran. Before the suites it builds the
// desktop package offline (`npm run dist:dir`) into a temp folder; test/integration/package-smoke.test.ts
// checks that package (PORTDESK_PACKAGE_DIR).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localBin, onProjectNode, root } from './lib/project-node.mjs';

onProjectNode(import.meta.filename);
const bin = (name) => path.join(localBin, name);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'portdesk-test-'));
const SYSTEM_PACKAGES = ['chromium', 'poppler-utils', 'tesseract-ocr', 'fonts-dejavu', 'fonts-liberation'];

function ensureSystemPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!existsSync('/usr/bin/tesseract')) missing.push('tesseract-ocr');
  if (!existsSync('/usr/bin/pdftoppm')) missing.push('poppler-utils');
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${SYSTEM_PACKAGES.join(' ')}`;
  if (process.getuid?.() === 0) {
    console.log(`Installing system packages for the browser and OCR tests: ${missing.join(', ')}`);
    const r = spawnSync('bash', ['-c', `DEBIAN_FRONTEND=noninteractive ${cmd} -qq`], { stdio: 'inherit' });
    if (r.status === 0) return;
  }
  console.error(`The tests need Debian packages that are missing (${missing.join(', ')}). Run as root:\n  ${cmd}`);
  process.exit(1);
}

ensureSystemPackages();
const build = [
  spawnSync(process.execPath, [path.join(root, 'scripts', 'build-renderer.mjs')], { stdio: 'inherit', cwd: root }),
  spawnSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')], { stdio: 'inherit', cwd: root }),
].find((r) => r.status !== 0) ?? { status: 0 };
if (build.status !== 0) {
  console.error('The app did not build; see above.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
let skipped = 0;

const release = path.join(tmp, 'release');
const dist = spawnSync(process.execPath, [path.join(root, 'scripts', 'dist-dir.mjs'), '--out', release], {
  stdio: 'inherit',
  cwd: root,
});
if (dist.status === 0) process.env.PORTDESK_PACKAGE_DIR = path.join(release, 'linux-unpacked');
else {
  console.error('npm run dist:dir failed; see above. The package smoke test will build its own and report.');
  failed += 1;
}

// the layer rules and the cycle check (npm run lint) count as one test
const lint = spawnSync(process.execPath, [path.join(root, 'scripts', 'lint', 'run.mjs')], {
  stdio: 'inherit',
  cwd: root,
});
if (lint.status === 0) passed += 1;
else failed += 1;

const vitestJson = path.join(tmp, 'vitest.json');
const v = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  { stdio: 'inherit', cwd: root },
);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // a suite that failed to load has no tests but must still count as a failure
  failed += (r.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else if (v.status !== 0) failed += 1;

if (existsSync(path.join(root, 'playwright.config.ts'))) {
  const pwJson = path.join(tmp, 'playwright.json');
  const p = spawnSync(bin('playwright'), ['test'], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, PW_JSON_OUTPUT: pwJson },
  });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
    if (p.status !== 0 && s.unexpected === 0) failed += 1;
  } else if (p.status !== 0) failed += 1;
}

rmSync(release, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
