import { describe, expect, it } from 'vitest'
import {
  expandQuickReply,
  expandVariables,
  firstNameOf,
  formatOrderTotal,
  formatToday,
  textMessageLimit,
  variablesIn,
  type ReplyContext,
} from '../../../src-shared/quick-replies'

/** 5 Nov 2026 20:00 UTC is already 6 Nov in Jakarta (UTC+7). */
const now = Date.UTC(2026, 10, 5, 20, 0)

const context: ReplyContext = {
  customerName: 'Siti Nurhaliza',
  shopName: 'Toko Rina',
  lastOrderTotal: { amountMinor: 15_000_000, currency: 'IDR' },
  now,
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
}

/** Intl puts a no-break space between "Rp" and the amount; compare with plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ')

function expandedText(text: string, over: Partial<ReplyContext> = {}): string {
  const result = expandVariables(text, { ...context, ...over })
  if (!result.ok) throw new Error(`expected text, got ${JSON.stringify(result)}`)
  return result.text
}

describe('expanding quick reply variables', () => {
  it('fills every built-in variable from the context', () => {
    const text = expandedText(
      'Halo {{first_name}} ({{name}}), total {{order_total}} di {{shop}} per {{today}}.',
    )
    expect(plain(text)).toBe(
      'Halo Siti (Siti Nurhaliza), total Rp 150.000 di Toko Rina per 6 November 2026.',
    )
  })

  it('lists the missing variables, each once and in order, instead of sending a placeholder', () => {
    const result = expandVariables('Halo {{name}}, {{ukuran}} dan {{warna}}; {{ukuran}} ya', {
      ...context,
      customerName: null,
    })
    expect(result).toEqual({
      ok: false,
      problem: 'missing_values',
      missing: ['name', 'ukuran', 'warna'],
    })
  })

  it('treats a blank value as missing, so no "Halo ," goes out', () => {
    const result = expandVariables('Halo {{first_name}}, {{shop}}', {
      ...context,
      customerName: '   ',
      shopName: '',
    })
    expect(result).toEqual({
      ok: false,
      problem: 'missing_values',
      missing: ['first_name', 'shop'],
    })
  })

  it('fills a repeated variable everywhere it appears', () => {
    expect(expandedText('{{shop}} · {{shop}} · {{ shop }}')).toBe(
      'Toko Rina · Toko Rina · Toko Rina',
    )
  })

  it('keeps emoji, Indonesian and right-to-left text intact', () => {
    expect(expandedText('Terima kasih 🙏 {{first_name}} 🎉', { customerName: 'محمد علي' })).toBe(
      'Terima kasih 🙏 محمد 🎉',
    )
    expect(
      expandedText('{{name}}, pesananmu sudah dikirim 📦', { customerName: '🌸 Rina Store' }),
    ).toBe('🌸 Rina Store, pesananmu sudah dikirim 📦')
    expect(expandedText('{{ukuran}}', { custom: { ukuran: 'XL – ukuran besar ✨' } })).toBe(
      'XL – ukuran besar ✨',
    )
  })

  it('accepts spaces inside the braces and any letter case', () => {
    expect(expandedText('Halo {{  first_name  }} / {{Shop}} / {{SHOP}}')).toBe(
      'Halo Siti / Toko Rina / Toko Rina',
    )
  })

  it('leaves unmatched or malformed braces as literal text', () => {
    const literal = 'Harga {{diskon atau {harga} }} {{}} {{two words}} }}'
    expect(expandedText(literal)).toBe(literal)
    expect(expandedText('Halo {{name', {})).toBe('Halo {{name')
    expect(expandedText('{{{shop}}}')).toBe('{Toko Rina}')
  })

  it('fills custom variables from what the owner typed at send time', () => {
    expect(
      expandedText('Ukuran {{ukuran}}, warna {{Warna}}', {
        custom: { ukuran: 'M', warna: ' merah ' },
      }),
    ).toBe('Ukuran M, warna merah')
  })

  it('lets a typed value stand in for a built-in Kedai does not know', () => {
    expect(
      expandedText('Total {{order_total}}', {
        lastOrderTotal: null,
        custom: { order_total: 'Rp 99.000' },
      }),
    ).toBe('Total Rp 99.000')
  })

  it('inserts a value that looks like a variable as it is, without expanding it again', () => {
    expect(expandedText('Catatan: {{catatan}}', { custom: { catatan: '{{shop}}' } })).toBe(
      'Catatan: {{shop}}',
    )
  })

  it('checks the 4,096 limit on the expanded text and reports its length', () => {
    const text = `Catatan: {{catatan}}`
    const fits = 'x'.repeat(textMessageLimit - 'Catatan: '.length)
    expect(expandVariables(text, { ...context, custom: { catatan: fits } })).toMatchObject({
      ok: true,
      length: textMessageLimit,
    })
    const result = expandVariables(text, { ...context, custom: { catatan: `${fits}y` } })
    expect(result).toMatchObject({ ok: false, problem: 'too_long', length: 4097, limit: 4096 })
  })

  it('accepts a raw text over the limit whose expansion fits', () => {
    const text = `${'{{shop}}'.repeat(600)}`
    expect(text.length).toBeGreaterThan(textMessageLimit)
    expect(expandVariables(text, { ...context, shopName: 'A' })).toMatchObject({
      ok: true,
      length: 600,
    })
  })

  it('counts an emoji as two, as the platform may', () => {
    expect(expandVariables('🙏', context)).toMatchObject({ ok: true, length: 2 })
  })

  it('holds a quick reply with a photo to the 1,024 caption limit', () => {
    const text = 'x'.repeat(1025)
    expect(expandQuickReply({ text }, context)).toMatchObject({ ok: true })
    expect(
      expandQuickReply({ text, attachment: { kind: 'image', mediaRef: 'media-1' } }, context),
    ).toMatchObject({ ok: false, problem: 'too_long', limit: 1024 })
  })

  it('lists the variables a text uses', () => {
    expect(variablesIn('{{Name}} {{ukuran}} {{ name }} {{x y}}')).toEqual(['name', 'ukuran'])
  })
})

describe('values Kedai derives', () => {
  it('takes the first word with a letter as the first name', () => {
    expect(firstNameOf('Siti Nurhaliza')).toBe('Siti')
    expect(firstNameOf('  budi,  santoso')).toBe('budi')
    expect(firstNameOf('🌸 Rina Store')).toBe('Rina')
    expect(firstNameOf('Rina🌸')).toBe('Rina')
    expect(firstNameOf('محمد علي')).toBe('محمد')
    expect(firstNameOf('')).toBeNull()
    expect(firstNameOf('   ')).toBeNull()
    expect(firstNameOf('🙂 123')).toBeNull()
    expect(firstNameOf(null)).toBeNull()
  })

  it('formats today in the given locale and time zone, not the machine’s', () => {
    expect(formatToday(now, 'id-ID', 'Asia/Jakarta')).toBe('6 November 2026')
    expect(formatToday(now, 'en-US', 'America/New_York')).toBe('November 5, 2026')
  })

  it('asks for today rather than failing when the time zone is not valid', () => {
    expect(formatToday(now, 'id-ID', 'Mars/Olympus')).toBeNull()
    expect(expandVariables('{{today}}', { ...context, timeZone: 'Mars/Olympus' })).toEqual({
      ok: false,
      problem: 'missing_values',
      missing: ['today'],
    })
  })

  it('formats the order total from integer minor units', () => {
    expect(
      plain(formatOrderTotal({ amountMinor: 15_000_000, currency: 'IDR' }, 'id-ID') ?? ''),
    ).toBe('Rp 150.000')
    // Shops do not show sen: the total is rounded half up, as prices are written.
    expect(
      plain(formatOrderTotal({ amountMinor: 15_000_050, currency: 'IDR' }, 'id-ID') ?? ''),
    ).toBe('Rp 150.001')
    expect(formatOrderTotal({ amountMinor: 1250, currency: 'USD' }, 'en-US')).toBe('$12.50')
    expect(formatOrderTotal({ amountMinor: 1200, currency: 'JPY' }, 'en-US')).toBe('¥1,200')
    expect(formatOrderTotal({ amountMinor: 1.5, currency: 'USD' }, 'en-US')).toBeNull()
    expect(formatOrderTotal({ amountMinor: 100, currency: 'rupiah' }, 'id-ID')).toBeNull()
  })
})
