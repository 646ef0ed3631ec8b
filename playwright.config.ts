import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the renderer in browser mode. Each spec file starts its own server on a free port
 * with a fresh database (test/e2e/server.ts); the renderer must be built first (npm run test:e2e does).
 * Chromium comes from Debian (/usr/bin/chromium): `npx playwright install` cannot download here.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // Two cores: one browser at a time keeps timings stable.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    viewport: { width: 1366, height: 768 },
    // Date inputs follow the browser locale: Indonesian offices see dd/mm/yyyy.
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
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
