// How `npm start` hands the one-time sign-in link to Chromium without a command line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Chromium's command line is readable by every local user (/proc/PID/cmdline), so the link never
 * goes there: Chromium is started on a local page, in a folder only this user can read (mkdtemp
 * makes it 0700, the file is 0600), that forwards to the link without keeping itself in the
 * history. The link dies on first use, so the page is worthless afterwards.
 * Returns the folder (for Chromium's profile too, and to remove later) and the page's file:// URL.
 */
export function writeLauncherPage(signInUrl) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portdesk-chromium-'));
  const file = path.join(dir, 'open-portdesk.html');
  const target = JSON.stringify(String(signInUrl)).replace(/</g, '\\u003c');
  writeFileSync(
    file,
    '<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>PortDesk</title>' +
      `<script>location.replace(${target})</script>`,
    { mode: 0o600 },
  );
  return { dir, url: pathToFileURL(file).href };
}
