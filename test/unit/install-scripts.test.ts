import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// npm 12 skips every dependency install script that package.json's `allowScripts` does not approve:
// better-sqlite3 would install without its native build and the node@22 package without its binary,
// and `npm ci && npm test` (the README's command) would break on the first machine with npm 12.
const root = path.resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

const nameOf = (lockPath: string): string => lockPath.slice(lockPath.lastIndexOf('node_modules/') + 13);

/** Packages npm runs an install step for: a declared script, or a binding.gyp (npm's implicit node-gyp rebuild). */
function packagesWithInstallSteps(): string[] {
  const names = new Set<string>();
  for (const [where, meta] of Object.entries(lock.packages)) {
    if (!where) continue;
    if (meta.hasInstallScript || fs.existsSync(path.join(root, where, 'binding.gyp'))) names.add(nameOf(where));
  }
  return [...names].sort();
}

describe('install scripts (package.json allowScripts)', () => {
  it('decides every dependency that has an install step, so npm 12 skips none silently', () => {
    const undecided = packagesWithInstallSteps().filter((n) => typeof pkg.allowScripts?.[n] !== 'boolean');
    expect(undecided).toEqual([]);
  });

  it('lets the native SQLite build and the project Node 22 binary install', () => {
    expect(packagesWithInstallSteps()).toEqual(expect.arrayContaining(['better-sqlite3', 'node']));
    expect(pkg.allowScripts?.['better-sqlite3']).toBe(true);
    expect(pkg.allowScripts?.node).toBe(true);
  });
});
