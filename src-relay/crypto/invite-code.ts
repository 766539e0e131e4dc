/**
 * One-time enrolment codes: 80 random bits as 16 Crockford base32 characters, read out in four
 * groups (`K7QM-2XD9-PT4H-WN3B`). Typing is forgiving: case, spaces and dashes do not matter, and
 * the letters people confuse with digits (I, L, O) read as those digits. Only a digest is stored.
 */
import { randomBytes } from 'node:crypto'
import { sha256 } from './secrets'

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const codeLength = 16

export function newInviteCode(): string {
  const bytes = randomBytes(10)
  let bits = 0
  let value = 0
  let text = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      text += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return text.match(/.{4}/g)!.join('-')
}

/** The canonical form of what someone typed, or null when it cannot be a code. */
export function normaliseInviteCode(typed: string): string | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
  if (text.length !== codeLength) return null
  for (const char of text) if (!alphabet.includes(char)) return null
  return text
}

/** The digest stored for a code; null when the text cannot be a code at all. */
export function inviteCodeDigest(typed: string): Buffer | null {
  const code = normaliseInviteCode(typed)
  return code === null ? null : sha256(`kedai-invite:${code}`)
}
