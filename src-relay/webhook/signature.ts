/**
 * The `X-Hub-Signature-256` check: HMAC-SHA256 of the raw body bytes with the app secret, as
 * `sha256=<hex>`. Always over the bytes as received; re-serialised JSON differs as soon as the
 * text has non-ASCII characters or different spacing. Compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' }

const signaturePattern = /^sha256=([0-9a-fA-F]{64})$/

export function signBody(body: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`
}

export function checkSignature(
  rawBody: Uint8Array,
  header: string | string[] | undefined,
  appSecret: string,
): SignatureCheck {
  if (header === undefined || header === '') return { ok: false, reason: 'missing' }
  // A repeated header is not something the platform sends; refuse rather than pick one.
  if (Array.isArray(header)) return { ok: false, reason: 'malformed' }
  const match = signaturePattern.exec(header.trim())
  if (!match?.[1]) return { ok: false, reason: 'malformed' }
  const given = Buffer.from(match[1], 'hex')
  const expected = createHmac('sha256', appSecret).update(rawBody).digest()
  return timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: 'mismatch' }
}
