import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../src-shared/sync/canonical-json'
import { encodeHlc } from '../../../src-shared/sync/hlc'
import {
  applyOperations,
  canonicalState,
  digestState,
  emptyState,
  entityKey,
  incomingWins,
  mergeOperationsInto,
  mergeStates,
  readEntity,
  stateFromJson,
  stateToJson,
  type FieldEntry,
  type SyncState,
  type SyncStateJson,
} from '../../../src-shared/sync/merge'
import { fieldMergeOf, type Operation } from '../../../src-shared/sync/operation'
import { createSeededRandom, type SeededRandom } from '../../../src-shared/sync/seeded-random'
import { deliveredOrder, randomOperations, realAt } from './shop-edits'

const runs = 300

function apply(ops: Operation[]): SyncState {
  return applyOperations(emptyState(), ops)
}

function stamp(wallOffsetMs: number, node = 'counterPc', counter = 0): string {
  return encodeHlc({ wallMs: realAt + wallOffsetMs, counter, node })
}

function customerOp(field: string, value: Operation['value'], hlc: string): Operation {
  return { entity: 'customer', id: 'c1', field, value, hlc, deviceId: hlc.slice(18) }
}

/** Splits `ops` into consecutive chunks of random sizes. */
function chunks(random: SeededRandom, ops: Operation[]): Operation[][] {
  const result: Operation[][] = []
  for (let i = 0; i < ops.length;) {
    const size = random.between(1, 8)
    result.push(ops.slice(i, i + size))
    i += size
  }
  return result
}

/** Numbers by size, above anything else (only a malformed operation), which goes by its JSON. */
function compareForHighest(a: Operation['value'], b: Operation['value']): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b)
  if (typeof a === 'number') return 1
  if (typeof b === 'number') return -1
  const [aJson, bJson] = [canonicalJson(a), canonicalJson(b)]
  return aJson === bJson ? 0 : aJson > bJson ? 1 : -1
}

/** The winner of one field, by brute force over every operation that wrote it. */
function bruteForceWinner(ops: Operation[]): FieldEntry | undefined {
  let best: Operation | undefined
  for (const op of ops) {
    if (!best) best = op
    else if (fieldMergeOf(op.entity, op.field) === 'highestValue') {
      const byValue = compareForHighest(op.value, best.value)
      if (byValue > 0 || (byValue === 0 && op.hlc > best.hlc)) best = op
    } else if (
      op.hlc > best.hlc ||
      (op.hlc === best.hlc && canonicalJson(op.value) > canonicalJson(best.value))
    ) {
      best = op
    }
  }
  return best && { value: best.value, hlc: best.hlc }
}

describe('merging operations', () => {
  it('gives the same state for any order, repetition and grouping of the same operations', () => {
    for (let seed = 1; seed <= runs; seed++) {
      const random = createSeededRandom(seed)
      const ops = randomOperations(random, random.between(1, 60))
      const expected = canonicalState(apply(ops))

      expect(canonicalState(apply(deliveredOrder(random, ops))), `seed ${seed}: order`).toBe(
        expected,
      )

      let stepwise = emptyState()
      for (const chunk of chunks(random, deliveredOrder(random, ops))) {
        stepwise = applyOperations(stepwise, chunk)
      }
      expect(canonicalState(stepwise), `seed ${seed}: grouping`).toBe(expected)

      const inPlace = emptyState()
      for (const chunk of chunks(random, deliveredOrder(random, ops))) {
        mergeOperationsInto(inPlace, chunk)
      }
      expect(canonicalState(inPlace), `seed ${seed}: in place`).toBe(expected)
      expect(mergeOperationsInto(inPlace, ops), `seed ${seed}: idempotent`).toEqual([])
    }
  })

  it('picks, for every field, the winner its policy names', () => {
    for (let seed = 1; seed <= runs; seed++) {
      const random = createSeededRandom(seed)
      const ops = randomOperations(random, random.between(1, 60))
      const state = apply(random.shuffle(ops))
      const byField = new Map<string, Operation[]>()
      for (const op of ops) {
        const key = `${entityKey(op.entity, op.id)}|${op.field}`
        byField.set(key, [...(byField.get(key) ?? []), op])
      }
      for (const [key, written] of byField) {
        const [entity = '', field = ''] = key.split('|')
        expect(state.get(entity)?.get(field), `seed ${seed}: ${key}`).toEqual(
          bruteForceWinner(written),
        )
      }
    }
  })

  it('joins states commutatively, associatively and idempotently', () => {
    for (let seed = 1; seed <= runs; seed++) {
      const random = createSeededRandom(seed)
      const ops = randomOperations(random, random.between(3, 60))
      const [a, b, c] = [0, 1, 2].map(() => apply(ops.filter(() => random.chance(0.5))))
      if (!a || !b || !c) throw new Error('three states')
      const digestOf = (state: SyncState) => digestState(state)
      expect(digestOf(mergeStates(a, b)), `seed ${seed}: commutative`).toBe(
        digestOf(mergeStates(b, a)),
      )
      expect(digestOf(mergeStates(mergeStates(a, b), c)), `seed ${seed}: associative`).toBe(
        digestOf(mergeStates(a, mergeStates(b, c))),
      )
      expect(digestOf(mergeStates(a, a)), `seed ${seed}: idempotent`).toBe(digestOf(a))
      expect(digestOf(mergeStates(apply([]), apply(ops))), `seed ${seed}: join`).toBe(
        digestOf(apply(ops)),
      )
    }
  })

  it('leaves the state it was given untouched', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = createSeededRandom(seed)
      const before = apply(randomOperations(random, 30))
      const frozen = canonicalState(before)
      applyOperations(before, randomOperations(random, 30))
      mergeStates(before, apply(randomOperations(random, 30)))
      expect(canonicalState(before), `seed ${seed}`).toBe(frozen)
    }
  })

  it('round-trips through its JSON form, and equal states have equal forms', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = createSeededRandom(seed)
      const ops = randomOperations(random, 40)
      const state = apply(ops)
      const stored = JSON.parse(JSON.stringify(stateToJson(state))) as SyncStateJson
      expect(canonicalState(stateFromJson(stored)), `seed ${seed}`).toBe(canonicalState(state))
      expect(JSON.stringify(stateToJson(apply(random.shuffle(ops)))), `seed ${seed}`).toBe(
        JSON.stringify(stateToJson(state)),
      )
    }
    expect(digestState(emptyState())).toMatch(/^[0-9a-f]{16}$/)
  })
})

describe('tombstones and read state', () => {
  it('keeps a deleted thing deleted against older writes, in any order', () => {
    const deletion = customerOp('deleted', true, stamp(10_000))
    const olderEdits = [
      customerOp('name', 'Bu Sari', stamp(5_000, 'laptop')),
      customerOp('deleted', false, stamp(9_999, 'laptop')),
      customerOp('pinned', true, stamp(1_000, 'helperPc')),
    ]
    const random = createSeededRandom(1)
    for (let i = 0; i < 20; i++) {
      const state = apply(random.shuffle([deletion, ...olderEdits]))
      expect(readEntity(state, 'customer', 'c1')?.deleted).toBe(true)
    }
  })

  it('hides newer edits of a deleted thing, and a newer restore brings it back', () => {
    const deletion = customerOp('deleted', true, stamp(10_000))
    const newerEdit = customerOp('name', 'Bu Sari', stamp(20_000, 'laptop'))
    const deleted = apply([newerEdit, deletion])
    expect(readEntity(deleted, 'customer', 'c1')).toEqual({
      fields: { name: 'Bu Sari', deleted: true },
      deleted: true,
    })
    const restored = apply([deletion, newerEdit, customerOp('deleted', false, stamp(30_000))])
    expect(readEntity(restored, 'customer', 'c1')?.deleted).toBe(false)
    expect(readEntity(restored, 'customer', 'c2')).toBeUndefined()
  })

  it('never moves read-up-to backwards, even for a newer write', () => {
    const read = customerOp('readUpToAt', realAt + 60_000, stamp(1_000))
    const staleButNewer = customerOp('readUpToAt', realAt + 30_000, stamp(90_000, 'helperPc'))
    for (const order of [
      [read, staleButNewer],
      [staleButNewer, read],
    ]) {
      expect(readEntity(apply(order), 'customer', 'c1')?.fields.readUpToAt).toBe(realAt + 60_000)
    }
    expect(
      incomingWins(
        'highestValue',
        { value: realAt, hlc: stamp(0) },
        { value: realAt, hlc: stamp(1) },
      ),
    ).toBe(true)
  })

  it('keeps a field named like a prototype key as a plain field', () => {
    const state = apply([
      customerOp('__proto__', 'x', stamp(0)),
      customerOp('name', 'Ana', stamp(0)),
    ])
    const view = readEntity(state, 'customer', 'c1')
    expect(Object.getPrototypeOf(view?.fields)).toBe(Object.prototype)
    expect(Object.keys(view?.fields ?? {}).sort()).toEqual(['__proto__', 'name'])
  })
})
