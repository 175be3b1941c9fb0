// `npm start`: Electron where its binary is installed; otherwise the loopback host opened in the
// system Chromium (--app window) when there is a display, else just the printed URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const p = path.join(path.dirname(require.resolve('electron/package.json')), 'path.txt');
    if (!existsSync(p)) return null;
    const bin = path.join(path.dirname(p), 'dist', require('node:fs').readFileSync(p, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

spawnSync(process.execPath, [path.join(root, 'scripts', 'build-renderer.mjs')], { stdio: 'inherit', cwd: root });
spawnSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')], { stdio: 'inherit', cwd: root });

const electron = electronBinary();
if (electron) {
  spawnSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { stdio: 'inherit', cwd: root });
  const child = spawn(electron, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('PortDesk: no Electron binary installed here — starting the loopback host (browser mode).');
  const host = spawn(process.execPath, [path.join(root, 'bin', 'portdesk.mjs'), 'serve', ...args], { stdio: ['inherit', 'pipe', 'inherit'] });
  let opened = false;
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const m = /PortDesk ready: (\S+)/.exec(String(chunk));
    if (m && !opened) {
      opened = true;
      const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
      if (chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
        const profile = mkdtempSync(path.join(os.tmpdir(), 'portdesk-chromium-'));
        spawn(chromium, [`--app=${m[1]}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--window-size=1360,860',
          // Chromium refuses to start as root without this (containers, CI boxes)
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])], { stdio: 'ignore', detached: true }).unref();
        console.log('Opened PortDesk in a Chromium app window. Stop with Ctrl+C.');
      } else {
        console.log('Open the URL above in Chromium or Chrome. Stop with Ctrl+C.');
      }
    }
  });
  const stop = () => host.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => process.exit(code ?? 0));
}
