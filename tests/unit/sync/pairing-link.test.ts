import { describe, expect, it } from 'vitest'
import { pairingLinkOf, readPairingLink } from '../../../src-shared/sync/pairing-link'

describe('the pairing link the QR carries', () => {
  it('holds the relay address and the code, and reads back to both', () => {
    const link = pairingLinkOf({
      relayUrl: 'https://relay.tokosari.id:8443/kedai',
      code: 'K7QM-2XD9-PT4H-WN3B',
    })
    expect(link).toBe(
      'kedai://pair?relay=https%3A%2F%2Frelay.tokosari.id%3A8443%2Fkedai&code=K7QM-2XD9-PT4H-WN3B',
    )
    expect(readPairingLink(`  ${link}\n`)).toEqual({
      relayUrl: 'https://relay.tokosari.id:8443/kedai',
      code: 'K7QM-2XD9-PT4H-WN3B',
    })
  })

  it('is not a pairing link when it is a plain code, another scheme, or incomplete', () => {
    expect(readPairingLink('K7QM-2XD9-PT4H-WN3B')).toBeNull()
    expect(readPairingLink('https://relay.example/pair?code=K7QM-2XD9-PT4H-WN3B')).toBeNull()
    expect(readPairingLink('kedai://pair?code=K7QM-2XD9-PT4H-WN3B')).toBeNull()
    expect(readPairingLink('kedai://pair?relay=https%3A%2F%2Frelay.example')).toBeNull()
  })

  it('refuses an address that is not http(s) and a code that cannot be one', () => {
    expect(
      readPairingLink(
        pairingLinkOf({ relayUrl: 'javascript:alert(1)', code: 'K7QM-2XD9-PT4H-WN3B' }),
      ),
    ).toBeNull()
    expect(
      readPairingLink(pairingLinkOf({ relayUrl: 'http://127.0.0.1:4000', code: 'K7QM-2XD9' })),
    ).toBeNull()
  })
})
