import { defineConfig } from '@playwright/test';

const reporter: NonNullable<Parameters<typeof defineConfig>[0]['reporter']> = [['list']];
if (process.env.PW_JSON_OUTPUT) reporter.push(['json', { outputFile: process.env.PW_JSON_OUTPUT }]);

// Debian's Chromium, never a downloaded browser (`playwright install` cannot run offline here).
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results',
  workers: 2,
  fullyParallel: true,
  // CI shares 2 cores with everything else; one retry absorbs timing noise, and the run reports it as flaky
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
