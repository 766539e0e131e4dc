/**
 * Collects what must never happen on a Kedai page: a console error, an uncaught exception or a
 * Content-Security-Policy violation. Each test checks the list is empty at its end.
 */
import type { Page } from '@playwright/test'

export async function watchPageProblems(page: Page): Promise<string[]> {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) {
      problems.push(`console ${message.type()}: ${message.text()}`)
    }
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  // The binding and the init script come from the test, not the page, so the CSP under test
  // does not block them; every violation is reported even when the page catches its error.
  await page.exposeFunction('reportCspViolation', (violation: string) =>
    problems.push(`CSP violation: ${violation}`),
  )
  await page.addInitScript(() => {
    const bindings = window as unknown as {
      reportCspViolation: (violation: string) => Promise<void>
    }
    document.addEventListener('securitypolicyviolation', (event) => {
      void bindings.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`)
    })
  })
  return problems
}
