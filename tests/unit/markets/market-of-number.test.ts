import { describe, expect, it } from 'vitest'
import {
  type MarketId,
  describePhoneNumber,
  flagOf,
  marketIds,
  marketMembers,
  marketOfCountry,
  marketOfNumber,
} from '../../../src-shared/markets'

describe('marketOfNumber', () => {
  it.each<[string, MarketId]>([
    ['+62 812-3456-7890', 'indonesia'],
    ['6281234567890', 'indonesia'],
    ['+91 98765 43210', 'india'],
    ['+55 11 91234-5678', 'brazil'],
    ['+52 55 1234 5678', 'mexico'],
    ['+60 12-345 6789', 'malaysia'],
    ['+65 9123 4567', 'singapore'],
    ['+61 412 345 678', 'restOfAsiaPacific'],
    ['+593 98 467 9525', 'restOfLatinAmerica'],
    ['+254 712 345678', 'restOfAfrica'],
    ['+48 512 345 678', 'restOfCentralEasternEurope'],
    ['+353 85 123 4567', 'restOfWesternEurope'],
    ['+974 3312 3456', 'restOfMiddleEast'],
    ['+372 5123 4567', 'other'],
    ['+49 151 23456789', 'germany'],
    ['+44 7911 123456', 'unitedKingdom'],
  ])('%s is in %s', (phone, market) => {
    expect(marketOfNumber(phone)).toBe(market)
  })

  it('splits +1 by area code', () => {
    expect(marketOfNumber('+1 415 555 2671')).toBe('northAmerica') // San Francisco
    expect(marketOfNumber('+1 613 555 0123')).toBe('northAmerica') // Ottawa
    expect(marketOfNumber('+1 876 555 0123')).toBe('restOfLatinAmerica') // Jamaica
    expect(marketOfNumber('+1 658 555 0123')).toBe('restOfLatinAmerica') // Jamaica
    expect(marketOfNumber('+1 809 555 0123')).toBe('restOfLatinAmerica') // Dominican Republic
    expect(marketOfNumber('+1 829 555 0123')).toBe('restOfLatinAmerica')
    expect(marketOfNumber('+1 849 555 0123')).toBe('restOfLatinAmerica')
    expect(marketOfNumber('+1 787 555 0123')).toBe('restOfLatinAmerica') // Puerto Rico
    expect(marketOfNumber('+1 939 555 0123')).toBe('restOfLatinAmerica')
    expect(marketOfNumber('+1 242 555 0123')).toBe('other') // Bahamas: in none of Meta's lists
    expect(marketOfNumber('+1 868 555 0123')).toBe('other') // Trinidad and Tobago
    expect(marketOfNumber('15550783881')).toBe('northAmerica') // Meta's test number
  })

  it('splits +7 between Russia and Kazakhstan', () => {
    expect(marketOfNumber('+7 495 123 45 67')).toBe('russia')
    expect(marketOfNumber('+7 701 555 0123')).toBe('other')
  })

  it('gives null for what is not a phone number', () => {
    expect(marketOfNumber('')).toBeNull()
    expect(marketOfNumber('US.13491208655302741918')).toBeNull()
  })

  it('lists every country once', () => {
    const countries = marketIds.flatMap((market) => marketMembers[market].map((m) => m.country))
    expect(new Set(countries).size).toBe(countries.length)
  })
})

describe('marketOfCountry', () => {
  it('places countries as Meta lists them, and the rest in Other', () => {
    expect(marketOfCountry('US')).toBe('northAmerica')
    expect(marketOfCountry('ca')).toBe('northAmerica')
    expect(marketOfCountry('JM')).toBe('restOfLatinAmerica')
    expect(marketOfCountry('ID')).toBe('indonesia')
    expect(marketOfCountry('EE')).toBe('other')
  })
})

describe('describePhoneNumber', () => {
  it('gives format, country and flag', () => {
    expect(describePhoneNumber('6281234567890')).toEqual({
      e164: '+6281234567890',
      international: '+62 812 3456 7890',
      country: 'ID',
      flag: '🇮🇩',
      market: 'indonesia',
    })
  })

  it('tells the countries of +1 apart', () => {
    expect(describePhoneNumber('+14155552671')).toMatchObject({ country: 'US', flag: '🇺🇸' })
    expect(describePhoneNumber('+16135550123')).toMatchObject({
      country: 'CA',
      flag: '🇨🇦',
      market: 'northAmerica',
    })
    expect(describePhoneNumber('+18765550123')).toMatchObject({
      country: 'JM',
      flag: '🇯🇲',
      market: 'restOfLatinAmerica',
    })
  })

  it('falls back to the prefix table for numbers libphonenumber cannot place', () => {
    expect(describePhoneNumber('15550783881')).toMatchObject({
      international: '+1 555 078 3881',
      country: 'US',
      market: 'northAmerica',
    })
  })

  it('makes flags from ISO codes only', () => {
    expect(flagOf('jm')).toBe('🇯🇲')
    expect(flagOf('JAM')).toBeNull()
  })
})
