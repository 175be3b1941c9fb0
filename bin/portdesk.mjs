#!/usr/bin/env node
// Entry for `npx portdesk …`. Runs the TypeScript CLI through tsx on Node >= 22 (better-sqlite3 13
// needs it); re-executes with the Node 22 that `npm ci` installs when an older node started us.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const local = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(local)) {
    console.error(`portdesk: Node ${process.versions.node} is too old (need 22+). Run "npm ci" in ${root} first.`);
    process.exit(2);
  }
  const r = spawnSync(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
// The prebuilt bundle (npm ci → prepare → scripts/build-node.mjs) when it is newer than every source
// file; otherwise the TypeScript sources through tsx, so an edit is never hidden by a stale bundle.
const bundle = path.join(root, 'dist', 'node', 'cli.mjs');
let main;
const { newestSource } = await import('../scripts/sources.mjs');
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(root)) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../electron/cli/main.ts'));
}
const code = await main(process.argv.slice(2));
// The command is done (serve/sim return only after a signal): exit once output is flushed, even if a
// library left a timer or a worker thread behind.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
