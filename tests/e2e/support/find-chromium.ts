/**
 * Which Chromium the e2e tests drive: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then the
 * browser Playwright downloaded. None found is a clear failure, not a skipped suite.
 */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', playwrightChromium()]
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate
  throw new Error(
    'No Chromium found for the end-to-end tests. Set CHROMIUM_PATH to a Chromium or Chrome ' +
      'binary, install one (Debian: `apt-get install chromium`), or run `npx playwright install chromium`.',
  )
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}
