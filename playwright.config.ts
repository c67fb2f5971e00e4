import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests of the console in Debian's Chromium against `clearline serve`. Each test
 * starts its own site and server (test/e2e/support/console.ts), so there is no webServer
 * entry; the renderer and CLI must be built first (`npm run test:e2e` does). The project's
 * runner sets PLAYWRIGHT_JSON_OUTPUT_NAME for the json reporter and reads the totals from it.
 */
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json']],
  outputDir: '.tmp/playwright-results',
  use: {
    ...devices['Desktop Chrome'],
    headless: true,
    viewport: { width: 1366, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium' }],
});
