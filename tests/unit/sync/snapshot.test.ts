import { describe, expect, it } from 'vitest'
import { applyOperations, digestState, emptyState } from '../../../src-shared/sync/merge'
import { createSeededRandom } from '../../../src-shared/sync/seeded-random'
import {
  emptySnapshot,
  foldIntoSnapshot,
  isFoldedIn,
  latestStamp,
  parseSnapshotPayload,
  restoreFromSnapshot,
  snapshotToPayload,
} from '../../../src-shared/sync/snapshot'
import { deliveredOrder, randomOperations } from './shop-edits'

describe('snapshot and tail', () => {
  it('equals the whole log, for any cut, fold in steps, overlap and repeated tail', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = createSeededRandom(seed)
      const log = randomOperations(random, random.between(0, 80))
      const whole = digestState(applyOperations(emptyState(), log))
      const cut = random.between(0, log.length)
      const middle = random.between(0, cut)
      // Compacted twice, as a relay would over time.
      const first = foldIntoSnapshot(emptySnapshot(), log.slice(0, middle), middle)
      const snapshot = foldIntoSnapshot(first, log.slice(middle, cut), cut)
      expect(snapshot.cursor, `seed ${seed}`).toBe(cut)
      expect(digestState(restoreFromSnapshot(snapshot, log.slice(cut))), `seed ${seed}`).toBe(whole)
      const overlapping = deliveredOrder(random, log.slice(random.between(0, cut)))
      expect(digestState(restoreFromSnapshot(snapshot, overlapping)), `seed ${seed}`).toBe(whole)
      // Folding left the earlier snapshot as it was.
      expect(digestState(first.state), `seed ${seed}`).toBe(
        digestState(applyOperations(emptyState(), log.slice(0, middle))),
      )
    }
  })

  it('keeps the highest stamp per device and never moves its cursor back', () => {
    const random = createSeededRandom(3)
    const log = randomOperations(random, 60)
    const snapshot = foldIntoSnapshot(foldIntoSnapshot(emptySnapshot(), log, 40), [], 12)
    expect(snapshot.cursor).toBe(40)
    for (const device of ['counterPc', 'laptop', 'helperPc']) {
      const stamps = log.filter((op) => op.deviceId === device).map((op) => op.hlc)
      expect(snapshot.latestByDevice.get(device)).toBe(stamps.sort().at(-1))
    }
    expect(latestStamp(snapshot)).toBe(
      log
        .map((op) => op.hlc)
        .sort()
        .at(-1),
    )
    expect(latestStamp(emptySnapshot())).toBeUndefined()
    for (const op of log) expect(isFoldedIn(snapshot, op)).toBe(true)
    expect(isFoldedIn(emptySnapshot(), log[0]!)).toBe(false)
  })

  it('round-trips through its payload and refuses a malformed one as a typed error', () => {
    const random = createSeededRandom(4)
    const snapshot = foldIntoSnapshot(emptySnapshot(), randomOperations(random, 50), 7)
    const payload = JSON.parse(JSON.stringify(snapshotToPayload(snapshot))) as unknown
    const parsed = parseSnapshotPayload(payload)
    if (!parsed.ok) expect.fail(parsed.error.message)
    expect(digestState(parsed.value.state)).toBe(digestState(snapshot.state))
    expect(parsed.value.cursor).toBe(7)
    expect([...parsed.value.latestByDevice].sort()).toEqual([...snapshot.latestByDevice].sort())

    const valid = snapshotToPayload(snapshot)
    for (const bad of [
      null,
      { ...valid, format: 2 },
      { ...valid, cursor: -1 },
      { ...valid, latestByDevice: { laptop: 'yesterday' } },
      { ...valid, entities: [['no-colon', []]] },
      { ...valid, entities: [['customer:c1', [['name', 'Ana', 'not-a-stamp']]]] },
      { ...valid, extra: 1 },
    ]) {
      const result = parseSnapshotPayload(bad)
      expect(result.ok ? 'accepted' : result.error.code, JSON.stringify(bad)?.slice(0, 80)).toBe(
        'INVALID_SNAPSHOT',
      )
    }
  })
})
