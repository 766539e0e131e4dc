/**
 * The relay address and a pairing code in one line, as the pairing QR carries them:
 * `kedai://pair?relay=<address>&code=<code>`. A phone that scans the QR gets this text; pasted
 * into a new computer's pairing code box, it fills in both fields at once.
 */
import { relayAddress } from '../relay/relay-address'
import { normaliseOneTimeCode } from '../security/one-time-code'

const prefix = 'kedai://pair?'

export interface PairingLink {
  relayUrl: string
  code: string
}

export function pairingLinkOf({ relayUrl, code }: PairingLink): string {
  return `${prefix}${new URLSearchParams({ relay: relayUrl, code }).toString()}`
}

/** The address and code in a pasted pairing link, or null when the text is not one. */
export function readPairingLink(text: string): PairingLink | null {
  const trimmed = text.trim()
  if (!trimmed.toLowerCase().startsWith(prefix)) return null
  const query = new URLSearchParams(trimmed.slice(prefix.length))
  const relayUrl = relayAddress(query.get('relay') ?? '')
  const code = query.get('code') ?? ''
  if (!relayUrl || normaliseOneTimeCode(code) === null) return null
  return { relayUrl, code: code.trim() }
}
