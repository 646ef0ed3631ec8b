import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the renderer in browser mode. Each spec file starts its own server on a free port
 * with a fresh database (test/e2e/server.ts); the renderer must be built first (npm run test:e2e does).
 * Chromium comes from Debian (/usr/bin/chromium): `npx playwright install` cannot download here.
 */
/**
 * The app's server runs inside the test worker, the browser in its own time zone; on an office PC both read
 * the same clock. Both run in Jakarta time: with the worker on the machine's UTC, from 17:00 to 24:00 UTC the
 * browser's "today" was a day ahead of the server's and a letter dated today was refused as in the future.
 */
const TIME_ZONE = 'Asia/Jakarta';
process.env.TZ = TIME_ZONE;

export default defineConfig({
  testDir: 'test/e2e',
  // Two cores: one browser at a time keeps timings stable.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  // One retry in CI, and the retried tests are named in the report ("flaky"): two focus and navigation tests
  // (keyboard.spec "after voiding a letter", layout.spec "200% zoom") failed once in one clean run and passed in
  // two others. They are to be made deterministic, not left to the retry.
  retries: process.env.CI ? 1 : 0,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    viewport: { width: 1366, height: 768 },
    // Date inputs follow the browser locale: Indonesian offices see dd/mm/yyyy.
    locale: 'id-ID',
    timezoneId: TIME_ZONE,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
