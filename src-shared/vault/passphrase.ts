/**
 * The owner's passphrase: the minimum Kedai accepts and a strength hint for the create screen.
 * The hint is advice, not a gate; only the minimum length is enforced.
 */
export const minimumPassphraseLength = 10
export const maximumPassphraseLength = 1024

export type PassphraseStrength = 'tooShort' | 'weak' | 'fair' | 'strong'

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const length = [...passphrase].length
  if (length < minimumPassphraseLength) return 'tooShort'
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) =>
    kind.test(passphrase),
  ).length
  const words = passphrase.trim().split(/\s+/).length
  const distinct = new Set(passphrase.toLowerCase()).size
  if (distinct < 5) return 'weak'
  if (length >= 20 || (words >= 4 && length >= 16) || (length >= 14 && kinds >= 3)) return 'strong'
  if (length >= 12 || kinds >= 3) return 'fair'
  return 'weak'
}
