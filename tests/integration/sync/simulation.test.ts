/**
 * The seeded simulation (tests/support/simulation) with a modest count: three devices, a relay and
 * the Cloud API emulator on loopback, with crashes, disconnections, relay restarts, duplicated and
 * reordered webhooks. `npm run simulate -- --runs N --seed S` runs more.
 */
import { describe, expect, it } from 'vitest'
import { runSimulation } from '../../support/simulation/run-simulation'

describe('the shop simulation', () => {
  for (const seed of [7, 8, 9]) {
    it(`seed ${seed}: after healing, every invariant holds`, { timeout: 60_000 }, async () => {
      const result = await runSimulation(seed, { steps: 30 })
      expect(
        result.violations,
        `seed ${seed} (replay: npm run simulate -- --runs 1 --seed ${seed})`,
      ).toEqual([])
      expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(10)
    })
  }
})
