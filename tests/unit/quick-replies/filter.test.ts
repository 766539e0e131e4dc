import { describe, expect, it } from 'vitest'
import { filterQuickReplies, type QuickReply } from '../../../src-shared/quick-replies'

function reply(shortcut: string, text: string, order: number): QuickReply {
  return { id: shortcut, shortcut, text, order, usageCount: 0 }
}

const quickReplies = [
  reply('terima', 'Pesanan diterima, segera kami proses', 4),
  reply('rekening', 'Transfer ke BCA 123 a.n. Toko Rina', 1),
  reply('ongkir', 'Ongkos kirim ke alamat Kakak {{ongkir}}', 2),
  reply('halo', 'Halo Kak, ada yang bisa dibantu?', 0),
  reply('cafe', 'Kopi dari Café Rina, ongkir gratis', 3),
  reply('ongkir-cod', 'Bayar di tempat (COD) tersedia', 5),
]

const shortcuts = (list: QuickReply[]) => list.map((quickReply) => quickReply.shortcut)

describe('the composer’s "/" list', () => {
  it('shows everything in the owner’s order for an empty query or a bare slash', () => {
    const all = ['halo', 'rekening', 'ongkir', 'cafe', 'terima', 'ongkir-cod']
    expect(shortcuts(filterQuickReplies(quickReplies, ''))).toEqual(all)
    expect(shortcuts(filterQuickReplies(quickReplies, '/'))).toEqual(all)
  })

  it('puts shortcut prefix matches first, then text matches, each in order', () => {
    expect(shortcuts(filterQuickReplies(quickReplies, '/ongkir'))).toEqual([
      'ongkir',
      'ongkir-cod',
      'cafe',
    ])
  })

  it('ignores case and accents on both sides', () => {
    expect(shortcuts(filterQuickReplies(quickReplies, 'CAFÉ'))).toEqual(['cafe'])
    expect(shortcuts(filterQuickReplies(quickReplies, 'cafe rina'))).toEqual(['cafe'])
    expect(shortcuts(filterQuickReplies(quickReplies, 'bca'))).toEqual(['rekening'])
  })

  it('finds words inside a shortcut after the prefix matches', () => {
    expect(shortcuts(filterQuickReplies(quickReplies, 'cod'))).toEqual(['ongkir-cod'])
    expect(shortcuts(filterQuickReplies(quickReplies, 'ter'))).toEqual(['terima', 'ongkir-cod'])
    expect(shortcuts(filterQuickReplies(quickReplies, 'ening'))).toEqual(['rekening'])
  })

  it('keeps the given order between quick replies of the same position', () => {
    const tied = [reply('b', 'sama', 1), reply('a', 'sama', 1), reply('c', 'sama', 0)]
    expect(shortcuts(filterQuickReplies(tied, 'sama'))).toEqual(['c', 'b', 'a'])
  })

  it('returns nothing when nothing matches, without touching the input', () => {
    const before = shortcuts(quickReplies)
    expect(filterQuickReplies(quickReplies, 'zzz')).toEqual([])
    expect(shortcuts(quickReplies)).toEqual(before)
  })
})
