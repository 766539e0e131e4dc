import { describe, expect, it } from 'vitest'
import { inviteCodeDigest, newInviteCode } from '../../../src-relay/crypto/invite-code'
import { normaliseOneTimeCode as normaliseInviteCode } from '../../../src-shared/security/one-time-code'

describe('enrolment codes', () => {
  it('are 16 Crockford base32 characters (80 bits) in four groups, different every time', () => {
    const codes = Array.from({ length: 200 }, newInviteCode)
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('forgive case, spaces, dashes and letters that look like digits', () => {
    const code = 'K7QM-2XD9-PT4H-WN3B'
    expect(normaliseInviteCode('k7qm 2xd9 pt4h wn3b')).toBe('K7QM2XD9PT4HWN3B')
    expect(normaliseInviteCode('10ILO-0000-0000-000')).toBe('1011000000000000')
    expect(inviteCodeDigest(code.toLowerCase())).toEqual(inviteCodeDigest(code))
    expect(inviteCodeDigest('K7QM-2XD9-PT4H-WN3C')).not.toEqual(inviteCodeDigest(code))
  })

  it('refuse what cannot be a code', () => {
    expect(normaliseInviteCode('K7QM-2XD9')).toBeNull()
    expect(normaliseInviteCode('K7QM-2XD9-PT4H-WN3U')).toBeNull()
    expect(inviteCodeDigest('')).toBeNull()
  })
})
