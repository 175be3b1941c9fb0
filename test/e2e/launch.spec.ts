import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeLauncherPage } from '../../scripts/browser-launcher.mjs';
import { expect, test } from './fixtures.js';

/** Every process's command line on this machine, as any local user can read them. */
function allCommandLines(): string[] {
  const lines: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      lines.push(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return lines;
}

test('the browser is signed in through a local launcher page (as `npm start` does); the link works once and is on no command line', async ({
  host,
  page,
  browser,
}) => {
  const token = new URL(host.url).searchParams.get('token')!;
  const launcher = writeLauncherPage(host.url);
  try {
    // what goes on Chromium's command line holds no secret; the page holding the link is the user's alone
    expect(launcher.url).not.toContain(token);
    expect(fs.statSync(launcher.dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(fileURLToPath(launcher.url)).mode & 0o777).toBe(0o600);

    await page.goto(launcher.url);
    await expect(page.getByRole('link', { name: 'PortDesk' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(host.origin);
    await page.getByRole('button', { name: 'Load sample cases' }).click();
    await expect(page.getByTestId('toast-success').filter({ hasText: 'Loaded 12 sample cases' })).toBeVisible();

    expect(allCommandLines().filter((line) => line.includes(token))).toEqual([]);

    // the link is spent: another browser profile that opens it gets a plain refusal, not the app
    const other = await browser.newContext();
    try {
      const stranger = await other.newPage();
      const answer = await stranger.goto(host.url);
      expect(answer!.status()).toBe(410);
      await expect(stranger.getByText('This sign-in link was already used')).toBeVisible();
      const call = await stranger.evaluate(
        async () =>
          (
            await fetch('/rpc/cases.list', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: '{}',
            })
          ).status,
      );
      expect(call).toBe(401);
    } finally {
      await other.close();
    }
  } finally {
    fs.rmSync(launcher.dir, { recursive: true, force: true });
  }
});
