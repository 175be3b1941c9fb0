// `npm run dist:dir`: the Linux `dir` package, built offline. electron-builder needs an unpacked
// Electron to copy; where its binary cannot be downloaded (CI) a stand-in folder takes its place — a
// shell script named `electron` (carrying the fuse wire, so the configured fuses are really flipped and
// can be read back), version, LICENSE, chrome-sandbox, resources/. Everything else is the real build:
// the same electron-builder.yml, the app's bundles, production node_modules, extraResources.
// Prints one JSON line with the package size (also written to <out>/package-size.json; the package
// bench and the smoke test read it). Options: --out DIR (default release/), --electron-dist DIR (a real
// unpacked Electron instead of the stand-in).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { localBin, onProjectNode, root } from './lib/project-node.mjs';

onProjectNode(import.meta.filename);
const { values } = parseArgs({ options: { out: { type: 'string' }, 'electron-dist': { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(root, 'release'));
/** The limit for one platform's resources folder (tessdata, app.asar and its unpacked natives); issue 15. */
const RESOURCES_LIMIT_MB = 120;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
  if (r.status !== 0) {
    console.error(
      `dist:dir: ${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status ?? r.signal}); see above.`,
    );
    process.exit(1);
  }
}

// Fuse wire as Electron's binary carries it: sentinel, wire version 1, length 8, Electron's defaults.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_FUSES = '10110001';

function standInElectron() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-electron-stand-in-'));
  const version = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES),
  ]);
  fs.writeFileSync(
    path.join(dir, 'electron'),
    Buffer.concat([
      Buffer.from(
        '#!/bin/sh\necho "stand-in Electron used to build the package offline; it cannot run the app" >&2\nexit 1\n# ',
      ),
      wire,
      Buffer.from('\n'),
    ]),
    { mode: 0o755 },
  );
  fs.writeFileSync(path.join(dir, 'version'), version);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'Electron stand-in (MIT)\n');
  fs.writeFileSync(path.join(dir, 'chrome-sandbox'), '', { mode: 0o755 });
  fs.mkdirSync(path.join(dir, 'resources'));
  return dir;
}

/** Bytes under a folder (files as stored, symlinks not followed). */
function folderBytes(dir) {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) n += folderBytes(p);
    else if (e.isFile()) n += fs.statSync(p).size;
  }
  return n;
}

const started = Date.now();
for (const script of ['build-renderer.mjs', 'build-node.mjs', 'build-electron.mjs', 'dist-icons.mjs']) {
  run(process.execPath, [path.join(root, 'scripts', script)]);
}
const electronDist = values['electron-dist'] ? path.resolve(values['electron-dist']) : standInElectron();
run(path.join(localBin, 'electron-builder'), [
  '--config',
  'electron-builder.yml',
  '--linux',
  'dir',
  '--publish',
  'never',
  `-c.electronDist=${electronDist}`,
  '-c.npmRebuild=false',
  `-c.directories.output=${out}`,
]);
if (!values['electron-dist']) fs.rmSync(electronDist, { recursive: true, force: true });

const resources = path.join(out, 'linux-unpacked', 'resources');
const mb = (b) => Math.round((b / 1e6) * 10) / 10;
const size = {
  package: path.join(out, 'linux-unpacked'),
  resourcesMB: mb(folderBytes(resources)),
  appAsarMB: mb(fs.statSync(path.join(resources, 'app.asar')).size),
  asarUnpackedMB: mb(folderBytes(path.join(resources, 'app.asar.unpacked'))),
  extraResourcesMB: mb(folderBytes(path.join(resources, 'resources'))),
  limitMB: RESOURCES_LIMIT_MB,
  buildSeconds: Math.round((Date.now() - started) / 100) / 10,
};
fs.writeFileSync(path.join(out, 'package-size.json'), `${JSON.stringify(size, null, 2)}\n`);
console.log(JSON.stringify(size));
