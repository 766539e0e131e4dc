/**
 * The hybrid logical clock that orders every shop edit across devices. It follows wall time when
 * wall time is sane and falls back to a logical counter when it is not, so a device whose clock is
 * hours wrong (or jumps backwards) still stamps each edit after everything it has already seen.
 */
import { syncFailure, type SyncError, type SyncResult } from './sync-result'

export interface Hlc {
  /** Milliseconds since the epoch: the highest wall time this clock has seen, local or remote. */
  readonly wallMs: number
  /** Orders events that share one `wallMs`. */
  readonly counter: number
  /** The device that made the timestamp; breaks the last tie so no two devices' stamps are equal. */
  readonly node: string
}

/** 12 hex digits: enough for the year 10889, and still a safe integer. */
export const maxWallMs = 0xffff_ffff_ffff
/** 4 hex digits. A clock needing more events in one millisecond borrows the next millisecond. */
export const maxCounter = 0xffff
/** A device id as it appears in a timestamp: short, and free of characters that need escaping. */
export const nodePattern = /^[0-9A-Za-z_-]{1,64}$/
/** How far ahead of this device's wall clock a remote timestamp may be before it is refused. */
export const defaultMaxDriftMs = 24 * 60 * 60 * 1000

export type HlcErrorCode = 'CLOCK_DRIFT' | 'INVALID_TIMESTAMP'
export type HlcError = SyncError<HlcErrorCode>
export type HlcResult<T> = SyncResult<T, HlcErrorCode>

export interface HlcOptions {
  maxDriftMs?: number
}

/** A fresh clock for a device that has seen nothing yet. */
export function createHlc(node: string, wallMs = 0): Hlc {
  if (!nodePattern.test(node)) throw new Error(`Not a device id a clock can carry: "${node}"`)
  return { wallMs: physicalMs(wallMs), counter: 0, node }
}

/** The timestamp for a local event (an edit on this device); it is also the clock's new state. */
export function tickHlc(clock: Hlc, nowMs: number): Hlc {
  const wallMs = Math.max(clock.wallMs, physicalMs(nowMs))
  const counter = wallMs === clock.wallMs ? clock.counter + 1 : 0
  return carry(wallMs, counter, clock.node)
}

/**
 * Moves the clock past a timestamp received from another device, so the next local edit orders
 * after it. A timestamp too far in this device's future is refused rather than followed: one
 * device with its clock set to 2099 must not drag every other device's clock there.
 */
export function receiveHlc(
  clock: Hlc,
  remote: Hlc,
  nowMs: number,
  options: HlcOptions = {},
): HlcResult<Hlc> {
  const invalid = invalidReason(remote)
  if (invalid) return syncFailure('INVALID_TIMESTAMP', invalid)
  const now = physicalMs(nowMs)
  const maxDriftMs = options.maxDriftMs ?? defaultMaxDriftMs
  if (remote.wallMs - now > maxDriftMs) {
    const aheadHours = ((remote.wallMs - now) / 3_600_000).toFixed(1)
    return syncFailure(
      'CLOCK_DRIFT',
      `A change from device ${remote.node} is stamped ${aheadHours} hours ahead of this ` +
        `computer's clock; one of the two clocks is wrong.`,
    )
  }
  const wallMs = Math.max(clock.wallMs, remote.wallMs, now)
  let counter = 0
  if (wallMs === clock.wallMs && wallMs === remote.wallMs) {
    counter = Math.max(clock.counter, remote.counter) + 1
  } else if (wallMs === clock.wallMs) {
    counter = clock.counter + 1
  } else if (wallMs === remote.wallMs) {
    counter = remote.counter + 1
  }
  return { ok: true, value: carry(wallMs, counter, clock.node) }
}

/** The total order of timestamps: wall time, then counter, then device id. */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1
  if (a.node !== b.node) return a.node < b.node ? -1 : 1
  return 0
}

export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return compareHlc(a, b) >= 0 ? a : b
}

/**
 * `wwwwwwwwwwww-cccc-node`: wall time and counter in fixed-width lowercase hex, then the device
 * id. The fixed-width prefix makes plain string order equal `compareHlc` order, so stored and
 * transmitted timestamps sort and compare as strings.
 */
export function encodeHlc(hlc: Hlc): string {
  const invalid = invalidReason(hlc)
  if (invalid) throw new Error(`Cannot encode a malformed clock: ${invalid}`)
  const wall = hlc.wallMs.toString(16).padStart(12, '0')
  const counter = hlc.counter.toString(16).padStart(4, '0')
  return `${wall}-${counter}-${hlc.node}`
}

const encodedPattern = /^([0-9a-f]{12})-([0-9a-f]{4})-([0-9A-Za-z_-]{1,64})$/

export function parseHlc(encoded: string): HlcResult<Hlc> {
  const match = encodedPattern.exec(encoded)
  if (!match)
    return syncFailure('INVALID_TIMESTAMP', `Not a clock timestamp: "${encoded.slice(0, 90)}"`)
  const [, wall = '', counter = '', node = ''] = match
  return { ok: true, value: { wallMs: parseInt(wall, 16), counter: parseInt(counter, 16), node } }
}

export function isValidHlc(hlc: Hlc): boolean {
  return invalidReason(hlc) === null
}

/**
 * A stateful clock for one device, for callers that would rather not thread the state. Persist
 * `last` (or its encoding) and pass it back in after a restart, so the clock never repeats itself.
 */
export class HybridClock {
  #last: Hlc
  readonly #options: HlcOptions

  constructor(node: string, options: HlcOptions & { last?: Hlc } = {}) {
    const { last, ...rest } = options
    this.#last = last && last.node === node && isValidHlc(last) ? last : createHlc(node)
    this.#options = rest
  }

  get last(): Hlc {
    return this.#last
  }

  tick(nowMs: number): Hlc {
    this.#last = tickHlc(this.#last, nowMs)
    return this.#last
  }

  /** Leaves the clock untouched when the remote timestamp is refused. */
  receive(remote: Hlc | string, nowMs: number): HlcResult<Hlc> {
    const parsed =
      typeof remote === 'string' ? parseHlc(remote) : { ok: true as const, value: remote }
    if (!parsed.ok) return parsed
    const received = receiveHlc(this.#last, parsed.value, nowMs, this.#options)
    if (received.ok) this.#last = received.value
    return received
  }
}

/** A broken wall clock (NaN, negative, beyond the encoding) gives no information, not an error. */
function physicalMs(nowMs: number): number {
  if (!Number.isFinite(nowMs) || nowMs < 0) return 0
  return Math.min(Math.floor(nowMs), maxWallMs)
}

function carry(wallMs: number, counter: number, node: string): Hlc {
  if (counter <= maxCounter) return { wallMs, counter, node }
  // Borrowing a millisecond keeps the order strict; the clock runs ahead of wall time by at most
  // one millisecond per 65,536 events, and wall time catches up.
  if (wallMs >= maxWallMs) throw new Error('The hybrid logical clock reached the end of time')
  return { wallMs: wallMs + 1, counter: 0, node }
}

function invalidReason(hlc: Hlc): string | null {
  if (!Number.isSafeInteger(hlc.wallMs) || hlc.wallMs < 0 || hlc.wallMs > maxWallMs) {
    return `wall time ${String(hlc.wallMs)} is out of range`
  }
  if (!Number.isSafeInteger(hlc.counter) || hlc.counter < 0 || hlc.counter > maxCounter) {
    return `counter ${String(hlc.counter)} is out of range`
  }
  if (typeof hlc.node !== 'string' || !nodePattern.test(hlc.node)) {
    return `device id "${String(hlc.node).slice(0, 70)}" is malformed`
  }
  return null
}
