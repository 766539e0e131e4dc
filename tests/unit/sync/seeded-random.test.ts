import { describe, expect, it } from 'vitest'
import { createSeededRandom } from '../../../src-shared/sync/seeded-random'

describe('seeded random', () => {
  it('replays the same draws for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = createSeededRandom(seed)
      return Array.from({ length: 20 }, () => random.next())
    }
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
    expect(createSeededRandom(2 ** 32 + 5).seed).toBe(5)
  })

  it('stays in range and spreads its draws', () => {
    const random = createSeededRandom(7)
    const counts = [0, 0, 0, 0, 0]
    for (let i = 0; i < 10_000; i++) {
      const value = random.next()
      if (!(value >= 0 && value < 1)) expect.fail(`next() gave ${value}`)
      counts[random.int(5)]! += 1
      const between = random.between(-2, 2)
      if (!(between >= -2 && between <= 2 && Number.isInteger(between))) {
        expect.fail(`between(-2, 2) gave ${between}`)
      }
    }
    for (const count of counts) expect(count).toBeGreaterThan(1800)
  })

  it('shuffles a copy into a permutation, and forks independent streams', () => {
    const random = createSeededRandom(9)
    const items = Array.from({ length: 30 }, (_, i) => i)
    const shuffled = random.shuffle(items)
    expect(shuffled).not.toEqual(items)
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items)
    expect(items[0]).toBe(0)
    const forkA = createSeededRandom(1).fork()
    const forkB = createSeededRandom(1).fork()
    expect(forkA.next()).toBe(forkB.next())
    expect(() => random.pick([])).toThrow()
    expect(() => random.int(0)).toThrow()
  })
})
