/**
 * Randomness from the operating system's CSPRNG, fetched 4 KiB at a time. Drawing a few bytes
 * per call (as the ulid package does per character, and libsodium's JavaScript build does per
 * word) costs a system call each time, which dominated bulk imports; a pool does not.
 */
import { randomFillSync } from 'node:crypto'

const pool = new Uint8Array(4096)
let next = pool.length

/** Fresh random bytes; each byte is handed out once. */
export function randomBytesFromPool(length: number): Uint8Array {
  if (length > pool.length) return randomFillSync(new Uint8Array(length))
  if (next + length > pool.length) {
    randomFillSync(pool)
    next = 0
  }
  const bytes = pool.slice(next, next + length)
  next += length
  return bytes
}

/** A float in [0, 1) with 8 bits of randomness, as the ulid package asks for. */
export function randomFraction(): number {
  return randomBytesFromPool(1)[0]! / 256
}
