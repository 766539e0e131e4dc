/**
 * ULIDs for everything Kedai creates: 48 bits of time (epoch ms) and 80 random bits from the
 * pool (see random-pool.ts), in Crockford's base32. Written here rather than taken from the ulid
 * package, which draws a crypto call per character and dominated bulk imports.
 */
import { randomBytesFromPool } from './random-pool'

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A new ULID whose time part is `at` (epoch ms). */
export function newId(at: number = Date.now()): string {
  if (!Number.isInteger(at) || at < 0 || at > 2 ** 48 - 1) throw new Error(`Not a ULID time: ${at}`)
  let id = ''
  let time = at
  for (let i = 0; i < 10; i++) {
    id = alphabet[time % 32]! + id
    time = Math.floor(time / 32)
  }
  // 80 random bits make 16 characters of 5 bits each.
  const bytes = randomBytesFromPool(10)
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      id += alphabet[(value >> bits) & 31]!
    }
    value &= (1 << bits) - 1
  }
  return id
}
