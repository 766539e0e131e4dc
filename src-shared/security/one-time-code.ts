/**
 * One-time codes (the relay's enrolment codes, the shop's pairing codes): 80 random bits as 16 Crockford base32 characters, read out in four
 * groups (`K7QM-2XD9-PT4H-WN3B`). Typing is forgiving: case, spaces and dashes do not matter, and
 * I, L, O read as 1, 1, 0. The randomness comes from the caller (core's CSPRNG), so this stays pure.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const oneTimeCodeBytes = 10
const codeLength = 16

export function formatOneTimeCode(random: Uint8Array): string {
  if (random.length !== oneTimeCodeBytes)
    throw new Error(`A one-time code needs ${oneTimeCodeBytes} random bytes`)
  let bits = 0
  let value = 0
  let text = ''
  for (const byte of random) {
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

/** The canonical form (16 characters, no dashes) of what someone typed, or null. */
export function normaliseOneTimeCode(typed: string): string | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
  if (text.length !== codeLength) return null
  for (const char of text) if (!alphabet.includes(char)) return null
  return text
}
