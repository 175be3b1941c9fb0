import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

/**
 * `npm run lint` fails when a layer rule is broken: a small tree laid out like PortDesk, with one
 * breach of each rule (and a function over 120 lines), is linted with the project's own configuration and runner.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const runner = path.join(root, 'scripts', 'lint', 'run.mjs');
const node = path.join(root, 'node_modules', '.bin', 'node');

function tree(files: Record<string, string>): string {
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true } }),
  );
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function lint(dir: string): { status: number | null; output: string } {
  const r = spawnSync(node, [runner, '--cwd', dir], { encoding: 'utf8', timeout: 180_000 });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('npm run lint', () => {
  it('passes a tree that keeps the layers', () => {
    const dir = tree({
      'shared/contract.ts': 'export type Input = { id: number };\n',
      'electron/core/index.ts':
        "import type { Input } from '../../shared/contract.js';\nexport const handle = (i: Input) => i.id;\n",
      'electron/host/server.ts':
        "import { handle } from '../core/index.js';\nexport const serve = () => handle({ id: 1 });\n",
      'renderer/app.ts':
        "import type { Input } from '../shared/contract.js';\nexport const show = (i: Input) => String(i.id);\n",
    });
    const r = lint(dir);
    expect(r.output).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  }, 200_000);

  it('fails on each broken rule, naming it, and on a cycle of type-only imports', () => {
    const dir = tree({
      'shared/contract.ts':
        "import { handle } from '../electron/core/index.js';\nexport type Input = { id: number };\nexport const h = handle;\n",
      'shared/paths.ts': "import path from 'node:path';\nexport const join = path.join;\n",
      'electron/core/index.ts':
        "import { serve } from '../host/server.js';\nimport { fake } from '../simulator/server.js';\nexport const handle = () => [serve, fake];\n",
      'electron/core/a.ts': "import type { B } from './b.js';\nexport interface A { b: B }\n",
      'electron/core/b.ts': "import type { A } from './a.js';\nexport interface B { a: A | null }\n",
      'electron/host/server.ts': 'export const serve = 1;\n',
      'electron/main/index.ts': "import { serve } from '../host/server.js';\nexport const main = serve;\n",
      'electron/simulator/server.ts': 'export const fake = 2;\n',
      'renderer/app.ts': "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n",
      // 121 lines: one over the limit
      'electron/core/long.ts': `export function tooLong(): number {\n  let n = 0;\n${'  n++;\n'.repeat(117)}  return n;\n}\n`,
      'electron/core/fits.ts': `export function fits(): number {\n  let n = 0;\n${'  n++;\n'.repeat(116)}  return n;\n}\n`,
    });
    const r = lint(dir);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/long\.ts:1 tooLong — 121 lines/);
    expect(r.output).not.toContain('fits —');
    for (const rule of [
      'shared-is-pure',
      'shared-no-node',
      'core-is-host-agnostic',
      'hosts-independent',
      'renderer-no-node-builtins',
      'no-cycles',
    ]) {
      expect(r.output).toContain(`error ${rule}:`);
    }
    expect(r.output).toMatch(/core-is-host-agnostic: electron\/core\/index\.ts → electron\/simulator\/server\.ts/);
    // madge agrees on the type-only cycle
    expect(r.output).toMatch(/Found \d+ circular dependenc/);
    expect(r.output).toMatch(/a\.ts > .*b\.ts/);
  }, 200_000);
});
