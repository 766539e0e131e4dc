import { describe, expect, it } from 'vitest'
import {
  checkQuickReply,
  checkShortcut,
  displayShortcut,
  freeShortcut,
  normalizeShortcut,
  type QuickReply,
} from '../../../src-shared/quick-replies'

const ongkir: QuickReply = {
  id: 'qr-1',
  shortcut: 'ongkir',
  text: 'Ongkir {{ongkir}}',
  order: 0,
  usageCount: 3,
}

describe('shortcuts', () => {
  it('are stored without the slash, trimmed and lowercased', () => {
    expect(normalizeShortcut('/Ongkir ')).toBe('ongkir')
    expect(normalizeShortcut('rekening')).toBe('rekening')
    expect(normalizeShortcut(' / halo')).toBe('halo')
    expect(displayShortcut('ongkir')).toBe('/ongkir')
  })

  it('accept lowercase letters, digits, "_" and "-" up to 30 characters', () => {
    expect(checkShortcut('/cod-jakarta_2', [])).toEqual([])
    expect(checkShortcut('a'.repeat(30), [])).toEqual([])
  })

  it('refuse an empty shortcut', () => {
    expect(checkShortcut('/', [])).toEqual([{ code: 'shortcut_empty' }])
  })

  it('refuse one longer than 30 characters', () => {
    expect(checkShortcut('a'.repeat(31), [])).toEqual([
      { code: 'shortcut_too_long', length: 31, limit: 30 },
    ])
  })

  it('refuse spaces, accents and punctuation', () => {
    for (const typed of ['ongkos kirim', 'café', 'halo!', 'a/b', '🙏']) {
      expect(checkShortcut(typed, [])).toEqual([{ code: 'shortcut_characters' }])
    }
  })

  it('are unique whatever the case, except for the quick reply being edited', () => {
    expect(checkShortcut('/ONGKIR', [ongkir])).toEqual([
      { code: 'shortcut_taken', takenBy: 'qr-1' },
    ])
    expect(checkShortcut('ongkir', [{ ...ongkir, shortcut: 'Ongkir' }])).toHaveLength(1)
    expect(checkShortcut('ongkir', [ongkir], 'qr-1')).toEqual([])
  })

  it('find a free shortcut for a duplicate', () => {
    expect(freeShortcut('ongkir', [ongkir])).toBe('ongkir-2')
    expect(freeShortcut('ongkir', [ongkir, { ...ongkir, id: 'qr-2', shortcut: 'ongkir-2' }])).toBe(
      'ongkir-3',
    )
    const long = 'a'.repeat(30)
    expect(freeShortcut(long, [{ ...ongkir, shortcut: long }])).toBe(`${'a'.repeat(28)}-2`)
    expect(freeShortcut('baru', [ongkir])).toBe('baru')
  })
})

describe('checking a quick reply before saving', () => {
  it('passes a good one', () => {
    expect(checkQuickReply({ shortcut: '/rekening', text: 'BCA 123' }, [ongkir])).toEqual([])
  })

  it('needs a text unless a photo or document goes with it', () => {
    expect(checkQuickReply({ shortcut: 'kosong', text: '  ' }, [])).toEqual([
      { code: 'text_empty' },
    ])
    expect(
      checkQuickReply(
        {
          shortcut: 'katalog',
          text: '',
          attachment: { kind: 'document', mediaRef: 'm-1', fileName: 'katalog.pdf' },
        },
        [],
      ),
    ).toEqual([])
  })

  it('refuses a text whose literal part alone is over the limit', () => {
    expect(checkQuickReply({ shortcut: 'panjang', text: 'x'.repeat(4097) }, [])).toEqual([
      { code: 'text_too_long', length: 4097, limit: 4096 },
    ])
    expect(
      checkQuickReply({ shortcut: 'panjang', text: `${'x'.repeat(4096)}{{name}}` }, []),
    ).toEqual([])
    expect(
      checkQuickReply(
        {
          shortcut: 'foto',
          text: 'x'.repeat(1025),
          attachment: { kind: 'image', mediaRef: 'm-2' },
        },
        [],
      ),
    ).toEqual([{ code: 'text_too_long', length: 1025, limit: 1024 }])
  })

  it('reports every broken rule at once', () => {
    expect(checkQuickReply({ shortcut: 'Ongkir!', text: '' }, [])).toEqual([
      { code: 'shortcut_characters' },
      { code: 'text_empty' },
    ])
  })
})
