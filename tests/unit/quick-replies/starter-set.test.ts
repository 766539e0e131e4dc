import { describe, expect, it } from 'vitest'
import {
  builtInVariables,
  checkQuickReply,
  expandQuickReply,
  starterQuickReplies,
  starterSets,
  variablesIn,
} from '../../../src-shared/quick-replies'

const ulid = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/

describe('the starter set for a new shop', () => {
  it('has greeting, payment, shipping, thanks and away in Indonesian and English', () => {
    expect(starterQuickReplies('id').map((quickReply) => quickReply.shortcut)).toEqual([
      'halo',
      'rekening',
      'ongkir',
      'makasih',
      'tutup',
    ])
    expect(starterQuickReplies('en').map((quickReply) => quickReply.shortcut)).toEqual([
      'hello',
      'payment',
      'shipping',
      'thanks',
      'away',
    ])
  })

  it('has fixed, distinct ULIDs so devices seeding it converge', () => {
    const ids = [...starterSets.id, ...starterSets.en].map((quickReply) => quickReply.id)
    for (const id of ids) expect(id).toMatch(ulid)
    expect(new Set(ids).size).toBe(ids.length)
    expect(starterQuickReplies('id')[0]?.id).toBe(starterQuickReplies('id')[0]?.id)
  })

  it('passes the quick reply rules and starts unused', () => {
    for (const language of ['id', 'en'] as const) {
      const set = starterQuickReplies(language)
      for (const quickReply of set) {
        const others = set.filter((other) => other !== quickReply)
        expect(checkQuickReply(quickReply, others, quickReply.id)).toEqual([])
        expect(quickReply.usageCount).toBe(0)
      }
    }
  })

  it('hands out copies the caller may change', () => {
    const set = starterQuickReplies('id')
    set[0]!.usageCount = 5
    expect(starterSets.id[0]?.usageCount).toBe(0)
  })

  it('asks for the account number instead of carrying a sample one', () => {
    const [, rekening] = starterQuickReplies('id')
    const custom = variablesIn(rekening!.text).filter(
      (variable) => !(builtInVariables as readonly string[]).includes(variable),
    )
    expect(custom).toEqual(['nomor_rekening'])
    expect(
      expandQuickReply(rekening!, {
        now: 0,
        locale: 'id-ID',
        timeZone: 'Asia/Jakarta',
        lastOrderTotal: { amountMinor: 5_000_000, currency: 'IDR' },
      }),
    ).toEqual({ ok: false, problem: 'missing_values', missing: ['nomor_rekening'] })
  })
})
