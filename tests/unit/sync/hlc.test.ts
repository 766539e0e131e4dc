import { describe, expect, it } from 'vitest'
import {
  compareHlc,
  createHlc,
  defaultMaxDriftMs,
  encodeHlc,
  HybridClock,
  maxCounter,
  parseHlc,
  receiveHlc,
  tickHlc,
  type Hlc,
} from '../../../src-shared/sync/hlc'
import { createSeededRandom } from '../../../src-shared/sync/seeded-random'

const hourMs = 60 * 60 * 1000
const realAt = Date.UTC(2025, 5, 1, 9, 30)

function expectAfter(later: Hlc, earlier: Hlc, context = '') {
  expect(
    compareHlc(later, earlier),
    `${encodeHlc(later)} after ${encodeHlc(earlier)} ${context}`,
  ).toBe(1)
}

function received(clock: Hlc, remote: Hlc, nowMs: number): Hlc {
  const result = receiveHlc(clock, remote, nowMs)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('hybrid logical clock', () => {
  it('follows wall time when wall time moves forward', () => {
    const first = tickHlc(createHlc('counterPc'), realAt)
    expect(first).toEqual({ wallMs: realAt, counter: 0, node: 'counterPc' })
    expect(tickHlc(first, realAt + 5)).toEqual({
      wallMs: realAt + 5,
      counter: 0,
      node: 'counterPc',
    })
    expect(tickHlc(first, realAt)).toEqual({ wallMs: realAt, counter: 1, node: 'counterPc' })
  })

  it('stays strictly monotonic while the wall clock goes backwards, stalls and jumps', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = createSeededRandom(seed)
      let nowMs = realAt
      let clock = createHlc('laptop')
      let previous = tickHlc(clock, nowMs)
      clock = previous
      for (let step = 0; step < 400; step++) {
        const move = random.int(4)
        if (move === 0)
          nowMs -= random.between(1, 3 * hourMs) // NTP correction, dead CMOS battery
        else if (move === 1) nowMs += random.between(0, 2000)
        // move 2 and 3: the clock stalls
        clock = tickHlc(clock, nowMs)
        // Checked by hand first: thousands of passing expects would dominate the run time.
        if (compareHlc(clock, previous) !== 1 || !(encodeHlc(clock) > encodeHlc(previous))) {
          expectAfter(clock, previous, `seed ${seed} step ${step}`)
          expect.fail(`seed ${seed} step ${step}: encoding out of order`)
        }
        previous = clock
      }
    }
  })

  it('orders a local edit after a remote timestamp that is ahead of this wall clock', () => {
    const local = tickHlc(createHlc('counterPc'), realAt)
    const remote: Hlc = { wallMs: realAt + 40 * 60_000, counter: 7, node: 'laptop' }
    const merged = received(local, remote, realAt + 1)
    expect(merged).toEqual({ wallMs: remote.wallMs, counter: 8, node: 'counterPc' })
    expectAfter(merged, remote)
    expectAfter(tickHlc(merged, realAt + 2), merged)
  })

  it('merges counters when local, remote and wall time agree', () => {
    const local: Hlc = { wallMs: realAt, counter: 3, node: 'a' }
    const remote: Hlc = { wallMs: realAt, counter: 9, node: 'b' }
    expect(received(local, remote, realAt)).toEqual({ wallMs: realAt, counter: 10, node: 'a' })
    expect(received(local, { ...remote, wallMs: realAt - 1 }, realAt)).toEqual({
      wallMs: realAt,
      counter: 4,
      node: 'a',
    })
    expect(received(local, remote, realAt + 1)).toEqual({
      wallMs: realAt + 1,
      counter: 0,
      node: 'a',
    })
  })

  it('keeps a device whose clock is 3 hours behind ordering after what it has seen', () => {
    const behindMs = -3 * hourMs
    let counterPc = createHlc('counterPc')
    let helperPc = createHlc('helperPc')
    const seen: Hlc[] = []
    for (let minute = 0; minute < 30; minute++) {
      const realNow = realAt + minute * 60_000
      counterPc = tickHlc(counterPc, realNow)
      seen.push(counterPc)
      helperPc = received(helperPc, counterPc, realNow + behindMs)
      const helperEdit = tickHlc(helperPc, realNow + behindMs)
      for (const earlier of seen) expectAfter(helperEdit, earlier, `minute ${minute}`)
      helperPc = helperEdit
      // The other way round, the counter PC accepts the helper's stamps without complaint.
      counterPc = received(counterPc, helperEdit, realNow)
      expectAfter(tickHlc(counterPc, realNow), helperEdit)
    }
    // Neither clock ran away: both still sit at real time, the helper's borrowed from the counter PC.
    const lastRealAt = realAt + 29 * 60_000
    expect(helperPc.wallMs).toBe(lastRealAt)
    expect(counterPc.wallMs).toBe(lastRealAt)
  })

  it('accepts a device 3 hours ahead, and refuses one beyond the drift limit as a typed error', () => {
    const local = tickHlc(createHlc('counterPc'), realAt)
    expect(
      receiveHlc(local, { wallMs: realAt + 3 * hourMs, counter: 0, node: 'x' }, realAt).ok,
    ).toBe(true)
    const absurd: Hlc = { wallMs: realAt + defaultMaxDriftMs + 1, counter: 0, node: 'year2099' }
    const refused = receiveHlc(local, absurd, realAt)
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('CLOCK_DRIFT')
      expect(refused.error.message).toMatch(/year2099/)
    }
    const tight = receiveHlc(local, { wallMs: realAt + 61_000, counter: 0, node: 'x' }, realAt, {
      maxDriftMs: 60_000,
    })
    expect(tight.ok ? 'accepted' : tight.error.code).toBe('CLOCK_DRIFT')
  })

  it('refuses malformed remote timestamps as a typed error', () => {
    const local = createHlc('counterPc')
    const malformed: Hlc[] = [
      { wallMs: -1, counter: 0, node: 'x' },
      { wallMs: 1.5, counter: 0, node: 'x' },
      { wallMs: Number.NaN, counter: 0, node: 'x' },
      { wallMs: realAt, counter: maxCounter + 1, node: 'x' },
      { wallMs: realAt, counter: -1, node: 'x' },
      { wallMs: realAt, counter: 0, node: '' },
      { wallMs: realAt, counter: 0, node: 'has space' },
    ]
    for (const remote of malformed) {
      const result = receiveHlc(local, remote, realAt)
      expect(result.ok ? 'accepted' : result.error.code, JSON.stringify(remote)).toBe(
        'INVALID_TIMESTAMP',
      )
    }
  })

  it('borrows the next millisecond when the counter would overflow', () => {
    let clock: Hlc = { wallMs: realAt, counter: maxCounter - 2, node: 'a' }
    const stamps: Hlc[] = []
    for (let i = 0; i < 5; i++) {
      clock = tickHlc(clock, realAt)
      stamps.push(clock)
    }
    expect(stamps.map((stamp) => [stamp.wallMs - realAt, stamp.counter])).toEqual([
      [0, maxCounter - 1],
      [0, maxCounter],
      [1, 0],
      [1, 1],
      [1, 2],
    ])
    const fromFullRemote = received(
      createHlc('b'),
      { wallMs: realAt, counter: maxCounter, node: 'a' },
      realAt - 10,
    )
    expect(fromFullRemote).toEqual({ wallMs: realAt + 1, counter: 0, node: 'b' })
  })

  it('takes a broken wall clock (NaN, negative) as no information and keeps counting', () => {
    const clock = tickHlc(createHlc('a'), realAt)
    expectAfter(tickHlc(clock, Number.NaN), clock)
    expectAfter(tickHlc(clock, -5), clock)
  })

  it('encodes to a fixed-width string that parses back and sorts like the clock', () => {
    const random = createSeededRandom(8)
    const nodes = ['a', 'ab', 'b', 'B', 'Z9', '01JXYZ', 'laptop-2', 'counter_pc', 'a-']
    const stamps: Hlc[] = []
    for (let i = 0; i < 400; i++) {
      stamps.push({
        wallMs: random.chance(0.3) ? realAt : random.between(0, 2 ** 47),
        counter: random.chance(0.5) ? random.int(3) : random.int(maxCounter + 1),
        node: random.pick(nodes),
      })
    }
    stamps.push({ wallMs: 0xffff_ffff_ffff, counter: maxCounter, node: 'z' })
    for (const stamp of stamps) {
      const encoded = encodeHlc(stamp)
      expect(encoded).toMatch(/^[0-9a-f]{12}-[0-9a-f]{4}-/)
      expect(parseHlc(encoded)).toEqual({ ok: true, value: stamp })
    }
    for (let i = 0; i < 3000; i++) {
      const a = random.pick(stamps)
      const b = random.pick(stamps)
      const byString = encodeHlc(a) < encodeHlc(b) ? -1 : encodeHlc(a) > encodeHlc(b) ? 1 : 0
      expect(byString, `${encodeHlc(a)} vs ${encodeHlc(b)}`).toBe(compareHlc(a, b))
    }
  })

  it('refuses to parse anything but an encoded timestamp', () => {
    for (const text of [
      '',
      '0190-0000-a',
      '0190a1b2c3d4-0000-',
      '0190A1B2C3D4-0000-a',
      '0190a1b2c3d4-00000-a',
      '0190a1b2c3d4-0000-a b',
      ' 0190a1b2c3d4-0000-a',
    ]) {
      const parsed = parseHlc(text)
      expect(parsed.ok ? 'parsed' : parsed.error.code, text).toBe('INVALID_TIMESTAMP')
    }
  })

  it('HybridClock keeps its state, survives a restart and ignores a refused timestamp', () => {
    const clock = new HybridClock('counterPc', { maxDriftMs: hourMs })
    const first = clock.tick(realAt)
    const refused = clock.receive(
      encodeHlc({ wallMs: realAt + 2 * hourMs, counter: 0, node: 'x' }),
      realAt,
    )
    expect(refused.ok).toBe(false)
    expect(clock.last).toEqual(first)
    expect(clock.receive('garbage', realAt).ok).toBe(false)
    const accepted = clock.receive({ wallMs: realAt + 1000, counter: 4, node: 'x' }, realAt)
    expect(accepted.ok).toBe(true)
    const restarted = new HybridClock('counterPc', { last: clock.last })
    expectAfter(restarted.tick(realAt - hourMs), accepted.ok ? accepted.value : first)
    expect(new HybridClock('other', { last: clock.last }).last.wallMs).toBe(0)
  })
})
