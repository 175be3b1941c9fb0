// Every script runs its tools on the project's own Node 22 (npm puts node_modules/.bin first on
// PATH; this keeps it so when a script is started some other way). better-sqlite3 13 and vitest 5
// need it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const localBin = path.join(root, 'node_modules', '.bin');

/** Puts the project's bin folder first on PATH and, on an older Node, re-runs `script` on Node 22. */
export function onProjectNode(script) {
  process.env.PATH = `${localBin}${path.delimiter}${process.env.PATH ?? ''}`;
  if (Number(process.versions.node.split('.')[0]) >= 22) return;
  const r = spawnSync(path.join(localBin, 'node'), [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
