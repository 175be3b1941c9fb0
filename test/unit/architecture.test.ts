import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Layer rules (VS Code style), enforced here rather than by convention. */
const root = path.resolve(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts)$/.test(f) && !f.includes('node_modules'))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
  )) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

function resolvesInto(file: string, spec: string, folder: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.normalize(path.join(path.dirname(file), spec));
  return target === folder || target.startsWith(folder + path.sep);
}

describe('architecture', () => {
  it('only the Electron main process and preload import electron', () => {
    const offenders = [...files('electron'), ...files('shared'), ...files('renderer')]
      .filter((f) => !f.startsWith(path.join('electron', 'main')) && !f.startsWith(path.join('electron', 'preload')))
      .filter((f) => imports(f).some((s) => s === 'electron' || s.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('shared/ is pure: no Node built-ins, no core, host or renderer imports', () => {
    const offenders = files('shared').filter((f) =>
      imports(f).some(
        (s) =>
          s.startsWith('node:') ||
          ['fs', 'path', 'os', 'child_process'].includes(s) ||
          resolvesInto(f, s, 'electron') ||
          resolvesInto(f, s, 'renderer'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the core never reaches into hosts or the renderer', () => {
    const offenders = files(path.join('electron', 'core')).filter((f) =>
      imports(f).some(
        (s) =>
          resolvesInto(f, s, path.join('electron', 'host')) ||
          resolvesInto(f, s, path.join('electron', 'main')) ||
          resolvesInto(f, s, path.join('electron', 'cli')) ||
          resolvesInto(f, s, 'renderer'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the renderer uses no Node built-ins and no backend code', () => {
    const offenders = files('renderer').filter((f) =>
      imports(f).some((s) => s.startsWith('node:') || resolvesInto(f, s, 'electron')),
    );
    expect(offenders).toEqual([]);
  });
});
