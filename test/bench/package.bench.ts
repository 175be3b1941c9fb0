/**
 * The desktop package: builds it offline (`npm run dist:dir` into a temp folder) and reports its size
 * per part and the build time. Limit: the resources folder for one platform ≤ 120 MB (issue 15; it was
 * 194 MB before tsx/esbuild, extra tesseract cores, other platforms' SQLite addons and the two npm
 * copies of the English data were left out). The package smoke test asserts the same limit.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function bench(): Promise<object> {
  const repo = path.resolve(import.meta.dirname, '..', '..');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-bench-release-'));
  try {
    const r = spawnSync(process.execPath, [path.join(repo, 'scripts', 'dist-dir.mjs'), '--out', out], {
      cwd: repo,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`dist:dir failed: ${r.stderr.slice(-2000)}`);
    const size = JSON.parse(fs.readFileSync(path.join(out, 'package-size.json'), 'utf8')) as Record<string, unknown>;
    delete size.package;
    return { ...size, withinLimit: (size.resourcesMB as number) <= (size.limitMB as number), beforeIssue15MB: 194 };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
