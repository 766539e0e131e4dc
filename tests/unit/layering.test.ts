import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ESM script without types; its shape is checked by these tests.
import { findLayeringViolations } from '../../scripts/layering.mjs'

interface Violation {
  file: string
  from: string
  to: string
  specifier: string
}
const find = findLayeringViolations as (root: string) => Violation[]

const trees: string[] = []
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kedai-layering-'))
  trees.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}
afterEach(() => {
  for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('the layering check', () => {
  it('passes on this repository', () => {
    expect(find(resolve(__dirname, '../..'))).toEqual([])
  })

  it.each([
    ['src-main/core/a.ts', "import { app } from 'electron'", 'core', 'electron'],
    ['src-shared/a.ts', "import { readFileSync } from 'node:fs'", 'shared', 'node'],
    ['src-shared/b.ts', "import { x } from '../src-main/core/x'", 'shared', 'core'],
    ['src-renderer/a.ts', "import { createCore } from '../src-main/core/core'", 'renderer', 'core'],
    [
      'src-renderer/b.vue',
      '<script setup lang="ts">\nimport fs from \'fs\'\n</script>',
      'renderer',
      'node',
    ],
    ['src-main/web/a.ts', "const e = require('electron')", 'web', 'electron'],
    ['src-relay/a.ts', "export { x } from '../src-main/core/x'", 'relay', 'core'],
    ['src-main/preload/a.ts', "import type { Core } from '../core/core'", 'preload', 'core'],
    ['src-main/core/b.ts', "const m = await import('../app/main')", 'core', 'app'],
  ])('refuses %s importing %s', (file, source, from, to) => {
    const violations = find(tree({ [file]: `${source}\n` }))
    expect(violations).toHaveLength(1)
    expect(violations[0]).toMatchObject({ file, from, to })
  })

  it('allows what the design allows', () => {
    const root = tree({
      'src-main/core/a.ts':
        "import { z } from 'zod'\nimport { join } from 'node:path'\nimport { x } from '../../src-shared/x'",
      'src-main/app/a.ts':
        "import { app } from 'electron'\nimport { createCore } from '../core/core'",
      'src-renderer/a.ts': "import { ref } from 'vue'\nimport { x } from '../src-shared/x'",
      'src-shared/x.ts': "import { z } from 'zod'\nexport const x = 1",
    })
    expect(find(root)).toEqual([])
  })

  it('fails the command line with the offending line', async () => {
    const { spawnSync } = await import('node:child_process')
    const root = tree({ 'src-main/core/a.ts': "import { app } from 'electron'\n" })
    const run = spawnSync(
      process.execPath,
      [resolve(__dirname, '../../scripts/layering.mjs'), root],
      {
        encoding: 'utf8',
      },
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('src-main/core/a.ts:1: core may not import electron')
  })
})
