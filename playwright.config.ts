/**
 * Browser tests in Debian's Chromium against a production build (`next start`) serving a test
 * index in .e2e-data/ (seeds from ../shared/seeds plus a small generated corpus).
 * The web server command prepares that data and builds first (e2e/global-setup.ts): Playwright
 * starts web servers before globalSetup, so the preparation has to live in the command.
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './scripts/test-prerequisites';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = '.e2e-data';
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Two shared cores: one worker keeps timings honest and the server responsive.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // scripts/test-all.sh adds a JSON reporter on the command line for its summary.
  reporter: 'list',
  outputDir: 'test-results/playwright',
  use: {
    baseURL,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node --import tsx e2e/global-setup.ts && node_modules/.bin/next start -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/api/status`,
    // Indexing plus a cold `next build` on a busy machine.
    timeout: 15 * 60_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { DATA_DIR: E2E_DATA_DIR, SEARCH_ENGINE: 'sqlite', PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1' },
  },
});
