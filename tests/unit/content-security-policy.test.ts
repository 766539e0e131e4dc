import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src-shared/security/content-security-policy'

describe('the Content-Security-Policy', () => {
  it('is the same in the page (Electron loads it from a file) and in browser mode', () => {
    const html = readFileSync(resolve(__dirname, '../../src-renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(contentSecurityPolicy)
  })

  it('allows no inline or eval script and no remote content', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
    expect(contentSecurityPolicy).toContain("object-src 'none'")
  })
})
