// @vitest-environment happy-dom
/**
 * vue-i18n accepts any string as a key, so a misspelt key would show the key itself to the
 * shop owner. This reads the renderer's sources and checks every literal key exists.
 */
import { describe, expect, it } from 'vitest'
import { en } from '../../src-renderer/i18n/messages/en'
import { id } from '../../src-renderer/i18n/messages/id'

const sources = import.meta.glob<string>('../../src-renderer/**/*.{ts,vue}', {
  query: '?raw',
  import: 'default',
  eager: true,
})

function lookup(messages: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      messages,
    )
}

function leaves(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value as object, `${prefix}${key}.`),
  )
}

describe('the message files', () => {
  it('have every key the renderer uses', () => {
    const used = new Set<string>()
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(match[1] ?? '')
    }
    expect(used.size).toBeGreaterThan(10)
    const missing = [...used].filter((key) => typeof lookup(en, key) !== 'string')
    expect(missing).toEqual([])
  })

  it('are complete in both languages, with no text left empty', () => {
    expect(leaves(id)).toEqual(leaves(en))
    for (const key of leaves(id)) expect(lookup(id, key)).not.toBe('')
  })

  it('never render markup from a string (no v-html, no innerHTML)', () => {
    for (const [file, text] of Object.entries(sources)) {
      expect(text, file).not.toMatch(/v-html|innerHTML|outerHTML|insertAdjacentHTML/)
    }
  })
})
