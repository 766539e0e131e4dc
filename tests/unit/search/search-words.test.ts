import { describe, expect, it } from 'vitest'
import {
  distinctWords,
  highlightParts,
  matchRanges,
  parseSearchQuery,
  phoneNumberWords,
  searchWords,
  snippetAround,
} from '../../../src-shared/search/search-words'
import { searchableTextOf } from '../../../src-shared/search/message-text'

describe('search words', () => {
  it('folds case and accents, in Indonesian and English', () => {
    expect(distinctWords('Kopi SUSU gula Aren')).toEqual(['kopi', 'susu', 'gula', 'aren'])
    expect(distinctWords('Café crème brûlée')).toEqual(['cafe', 'creme', 'brulee'])
    expect(distinctWords('Naïve façade ÅNGSTRÖM')).toEqual(['naive', 'facade', 'angstrom'])
  })

  it('keeps numbers whole across the separators people type inside them', () => {
    expect(distinctWords('Totalnya Rp150.000 ya')).toEqual(['totalnya', 'rp', '150000', 'ya'])
    expect(distinctWords('$1,250 total')).toEqual(['1250', 'total'])
    expect(distinctWords('call 0812-3456-7890.')).toEqual(['call', '081234567890'])
    // A full stop at the end of a sentence is not part of the number.
    expect(distinctWords('harga 150. Oke')).toEqual(['harga', '150', 'oke'])
  })

  it('splits letters from digits and drops apostrophes inside words', () => {
    expect(distinctWords('ukuran XL2 covid19')).toEqual(['ukuran', 'xl', '2', 'covid', '19'])
    expect(distinctWords("don't it’s")).toEqual(['dont', 'its'])
  })

  it('knows where each word is in the original text', () => {
    const text = 'Halo, Bú Sári! 😀 pesan'
    const words = searchWords(text)
    expect(words.map((found) => text.slice(found.start, found.end))).toEqual([
      'Halo',
      'Bú',
      'Sári',
      'pesan',
    ])
    expect(words.map((found) => found.word)).toEqual(['halo', 'bu', 'sari', 'pesan'])
  })

  it('reads other scripts as words', () => {
    expect(distinctWords('مرحبا بك')).toEqual(['مرحبا', 'بك'])
    expect(distinctWords('Привет МИР')).toEqual(['привет', 'мир'])
  })

  it('reads a query as prefixes, and a number-like query as one number', () => {
    expect(parseSearchQuery('  Kopi su ')).toEqual({ prefixes: ['kopi', 'su'], phoneDigits: null })
    expect(parseSearchQuery('+62 812-3456')).toEqual({
      prefixes: ['62', '8123456'],
      phoneDigits: '628123456',
    })
    expect(parseSearchQuery('0812 3456').phoneDigits).toBe('08123456')
    expect(parseSearchQuery('12').phoneDigits).toBeNull()
    expect(parseSearchQuery('  ')).toEqual({ prefixes: [], phoneDigits: null })
  })

  it('gives a number the words it is found by at home and abroad', () => {
    expect(phoneNumberWords('+6281234567890', '81234567890')).toEqual([
      '6281234567890',
      '81234567890',
      '081234567890',
    ])
    expect(phoneNumberWords('', null)).toEqual([])
  })

  it('highlights the words a query begins, as plain parts', () => {
    const text = 'Kopi susu, KOPI hitam'
    const ranges = matchRanges(text, parseSearchQuery('kop'))
    expect(highlightParts(text, ranges)).toEqual([
      { text: 'Kopi', match: true },
      { text: ' susu, ', match: false },
      { text: 'KOPI', match: true },
      { text: ' hitam', match: false },
    ])
    expect(highlightParts('<b>x</b>', [])).toEqual([{ text: '<b>x</b>', match: false }])
  })

  it('cuts a long text around its first match', () => {
    const text = `${'lorem ipsum '.repeat(40)}barang sudah sampai ${'dolor sit '.repeat(40)}`
    const snippet = snippetAround(text, parseSearchQuery('sampai'), 80)
    expect(snippet).toContain('sampai')
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.endsWith('…')).toBe(true)
    expect(snippet.length).toBeLessThanOrEqual(82)
  })
})

describe('searchable text of a message', () => {
  it('reads what people wrote and leaves machine values out', () => {
    expect(searchableTextOf({ type: 'text', body: 'Halo kak' })).toBe('Halo kak')
    const photo = searchableTextOf({
      type: 'image',
      media: { id: 'media-123', mimeType: 'image/jpeg', url: 'https://x/secret' },
      caption: 'Baju merah',
    })
    expect(photo).toBe('Baju merah')
    const contact = searchableTextOf({
      type: 'contacts',
      contacts: [
        { formattedName: 'Budi', phones: [{ phone: '+62 812', waId: '62812' }], emails: [] },
      ],
    })
    expect(contact).toBe('Budi\n+62 812')
    expect(searchableTextOf({ type: 'location', name: 'Toko', address: 'Jl. Merdeka 1' })).toBe(
      'Toko\nJl. Merdeka 1',
    )
    expect(searchableTextOf(null)).toBe('')
  })
})
