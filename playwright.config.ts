import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // One Chromium at a time: the machine has two cores and each test owns a browser.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: { trace: 'off' },
  // Firefox ESR is driven through puppeteer-core from its own spec file; CI runs the two apart.
  projects: [
    { name: 'chromium', testIgnore: /firefox[-\w]*\.spec\.ts$/ },
    { name: 'firefox', testMatch: /firefox[-\w]*\.spec\.ts$/ },
  ],
});
