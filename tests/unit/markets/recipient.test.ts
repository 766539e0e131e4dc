import { describe, expect, it } from 'vitest'
import { countryOfUserId, recipientOf } from '../../../src-shared/markets'

describe('recipientOf', () => {
  it('prefers the phone number, as Meta bills by calling code', () => {
    expect(recipientOf({ phone: '972987654321', userId: 'US.13491208655302741918' })).toEqual({
      market: 'israel',
      country: 'IL',
      basis: 'phone',
    })
  })

  it('places a customer known only by a business-scoped user id by the id prefix', () => {
    expect(countryOfUserId('US.13491208655302741918')).toBe('US')
    expect(countryOfUserId('US.ENT.11815799212886844830')).toBe('US')
    expect(recipientOf({ phone: '', userId: 'ID.98765432109876543210' })).toEqual({
      market: 'indonesia',
      country: 'ID',
      basis: 'userId',
    })
    expect(recipientOf({ userId: 'US.13491208655302741918' })).toEqual({
      market: 'northAmerica',
      country: 'US',
      basis: 'userId',
    })
  })

  it('uses the country the webhook gives over the id prefix', () => {
    expect(recipientOf({ country: 'JM', userId: 'US.1349' })).toEqual({
      market: 'restOfLatinAmerica',
      country: 'JM',
      basis: 'country',
    })
    expect(recipientOf({ country: '62' })).toEqual({
      market: 'indonesia',
      country: 'ID',
      basis: 'country',
    })
  })

  it('says when it is guessing', () => {
    expect(recipientOf({ userId: 'opaque-id' })).toEqual({
      market: 'other',
      country: null,
      basis: 'unknown',
    })
  })
})
