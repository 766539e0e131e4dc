import { defineConfig } from '@playwright/test'
import { findChromium } from './tests/e2e/support/find-chromium'

// The e2e suite drives the real renderer and the real core through browser mode. Each test
// starts its own web host on a fresh data directory (see tests/e2e/support/kedai.ts).

// The relay and emulator some specs start in-process log every enrolment and restart; the
// report stays readable without them. KEDAI_LOG=info brings them back when chasing a failure.
process.env.KEDAI_LOG ??= 'silent'
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
  },
})
