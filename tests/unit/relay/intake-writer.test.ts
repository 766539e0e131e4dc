/** POSTs committed together are sealed together, one item per shop, and each gets its own result. */
import { describe, expect, it } from 'vitest'
import {
  createIntakeWriter,
  mergeByShop,
  type ShopIntake,
} from '../../../src-relay/webhook/intake-writer'
import type { IntakeBatch, IntakeResult, RelayStore } from '../../../src-relay/store/relay-store'

const digest = (text: string) => new TextEncoder().encode(text)

function intake(shopId: string, keys: string[], sealed: unknown[][]): ShopIntake {
  return {
    shopId,
    keyDigests: keys.map(digest),
    events: keys.map((key) => ({ key })),
    sealEvents: (events) => {
      sealed.push([...events])
      return digest(JSON.stringify(events))
    },
  }
}

/** The store's intake rule: an event key seen before is a duplicate; fresh events make an item. */
function fakeStore(): { store: RelayStore; seen: Set<string>; calls: number } {
  const seen = new Set<string>()
  const state = { seen, calls: 0, store: {} as RelayStore }
  let seq = 0
  state.store = {
    intake(batches: readonly IntakeBatch[]): Promise<IntakeResult[]> {
      state.calls++
      return Promise.resolve(
        batches.map((batch) => {
          const freshIndexes: number[] = []
          batch.keyDigests.forEach((key, index) => {
            const text = new TextDecoder().decode(key)
            if (!seen.has(text)) {
              seen.add(text)
              freshIndexes.push(index)
            }
          })
          if (freshIndexes.length === 0) return { shopId: batch.shopId, seq: null, freshIndexes }
          batch.seal(freshIndexes)
          return { shopId: batch.shopId, seq: ++seq, freshIndexes }
        }),
      )
    },
  } as Partial<RelayStore> as RelayStore
  return state
}

describe('intake writer', () => {
  it("merges a shop's intakes into one sealed item and splits the results back", () => {
    const sealed: unknown[][] = []
    const intakes = [
      intake('shopA', ['a1', 'a2'], sealed),
      intake('shopB', ['b1'], sealed),
      intake('shopA', ['a2', 'a3'], sealed),
    ]
    const { batches, resultsFor } = mergeByShop(intakes)
    expect(batches.map((b) => [b.shopId, b.keyDigests.length])).toEqual([
      ['shopA', 4],
      ['shopB', 1],
    ])
    batches[0]!.seal([0, 1, 3])
    expect(sealed).toEqual([[{ key: 'a1' }, { key: 'a2' }, { key: 'a3' }]])
    const results = resultsFor([
      { shopId: 'shopA', seq: 7, freshIndexes: [0, 1, 3] },
      { shopId: 'shopB', seq: 8, freshIndexes: [0] },
    ])
    expect(results).toEqual([
      { shopId: 'shopA', seq: 7, freshIndexes: [0, 1] },
      { shopId: 'shopB', seq: 8, freshIndexes: [0] },
      { shopId: 'shopA', seq: 7, freshIndexes: [1] },
    ])
  })

  it('gives an intake with only duplicates no item', () => {
    const { resultsFor } = mergeByShop([intake('s', ['x'], []), intake('s', ['x'], [])])
    expect(resultsFor([{ shopId: 's', seq: 3, freshIndexes: [0] }])).toEqual([
      { shopId: 's', seq: 3, freshIndexes: [0] },
      { shopId: 's', seq: null, freshIndexes: [] },
    ])
  })

  it('commits POSTs that arrive in the same turn once, sealing once per shop', async () => {
    const sealed: unknown[][] = []
    const state = fakeStore()
    const writer = createIntakeWriter(state.store, () => 0)
    const answers = await Promise.all([
      writer.write([intake('shopA', ['k1'], sealed)]),
      writer.write([intake('shopA', ['k2'], sealed), intake('shopB', ['k3'], sealed)]),
      writer.write([intake('shopA', ['k1'], sealed)]),
    ])
    expect(state.calls).toBe(1)
    expect(sealed).toEqual([[{ key: 'k1' }, { key: 'k2' }], [{ key: 'k3' }]])
    expect(answers).toEqual([
      [{ shopId: 'shopA', seq: 1, freshIndexes: [0] }],
      [
        { shopId: 'shopA', seq: 1, freshIndexes: [0] },
        { shopId: 'shopB', seq: 2, freshIndexes: [0] },
      ],
      [{ shopId: 'shopA', seq: null, freshIndexes: [] }],
    ])
  })
})
