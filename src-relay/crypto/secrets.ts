/**
 * The relay's own secrets: device tokens and enrolment codes are random, shown once, and kept
 * only as SHA-256 digests; comparisons of secrets run in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest()
}

/** Constant-time equality of two strings' UTF-8 bytes (the length alone may leak). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  if (left.length !== right.length) {
    // Still spend the comparison so a wrong length is not much faster than a wrong byte.
    timingSafeEqual(left, left)
    return false
  }
  return timingSafeEqual(left, right)
}

/** A device's bearer token: 32 random bytes, base64url. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Random text for secrets the relay makes for itself (demo mode's app secret, verify token...). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}
