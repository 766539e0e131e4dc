import { decodeTime, isValid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { newId } from '../../src-main/core/ids'

describe('ids', () => {
  it('are valid ULIDs carrying their time', () => {
    for (const at of [0, 1, 1_700_000_000_000, Date.UTC(2026, 10, 25), 2 ** 48 - 1]) {
      const id = newId(at)
      expect(id).toHaveLength(26)
      expect(isValid(id)).toBe(true)
      expect(decodeTime(id)).toBe(at)
    }
  })

  it('sort by time and do not repeat', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => newId(1_700_000_000_000 + i))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(Array.from({ length: 50_000 }, () => newId(1)))).toHaveProperty('size', 50_000)
  })

  it('refuse a time that does not fit', () => {
    expect(() => newId(-1)).toThrow()
    expect(() => newId(2 ** 48)).toThrow()
    expect(() => newId(1.5)).toThrow()
  })
})
