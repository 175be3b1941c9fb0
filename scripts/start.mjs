// `npm start`: Electron where its binary is installed; otherwise the loopback host opened in the
// system Chromium (--app window) when there is a display, else just the printed URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { writeLauncherPage } from './browser-launcher.mjs';

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
  const host = spawn(process.execPath, [path.join(root, 'bin', 'portdesk.mjs'), 'serve', ...args], {
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let opened = false;
  let pending = '';
  let launcherDir = null;
  host.stdout.on('data', (chunk) => {
    pending += String(chunk);
    let newline;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      const m = /^PortDesk ready: (\S+)$/.exec(line);
      if (!m || opened) {
        console.log(line);
        continue;
      }
      opened = true;
      const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) =>
        existsSync(p),
      );
      if (chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
        launcherDir = openInChromium(chromium, m[1]);
        // the link is single-use and the window has it: printing it would only invite a second, refused use
        console.log(`PortDesk ready: ${new URL(m[1]).origin}/ (signed in through the Chromium window)`);
        console.log('Opened PortDesk in a Chromium app window. Stop with Ctrl+C.');
      } else {
        console.log(line);
        console.log('Open the URL above in Chromium or Chrome. Stop with Ctrl+C.');
      }
    }
  });
  const stop = () => host.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => {
    if (launcherDir) rmSync(launcherDir, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
}

function openInChromium(chromium, signInUrl) {
  const launcher = writeLauncherPage(signInUrl);
  spawn(
    chromium,
    [
      `--app=${launcher.url}`,
      `--user-data-dir=${path.join(launcher.dir, 'profile')}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--window-size=1360,860',
      // Chromium refuses to start as root without this (containers, CI boxes)
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    { stdio: 'ignore', detached: true },
  ).unref();
  return launcher.dir;
}
