import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type ReplyContext } from '../../../src-shared/quick-replies'
import { buildTemplateMessage } from '../../../src-shared/whatsapp'
import {
  exampleValues,
  fillTemplateParameters,
  prefillTemplateParameters,
  previewText,
  renderTemplate,
  templateParameterSlots,
  templateSendOf,
  type FilledTemplateParameters,
  type TemplateDraft,
} from '../../../src-shared/templates'
import { promoTemplate, shippedTemplate } from './sample-templates'

const context: ReplyContext = {
  customerName: 'Rina Wati',
  shopName: 'Toko Rina',
  now: Date.UTC(2026, 10, 5, 3, 0),
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
}

function filled(template: TemplateDraft, values: Record<string, string>): FilledTemplateParameters {
  const result = fillTemplateParameters(template, values)
  if (!result.ok) throw new Error(`expected parameters, got ${JSON.stringify(result.problems)}`)
  return result.parameters
}

const shippedValues = {
  'header.1': 'INV-009',
  'body.1': 'Rina',
  'body.2': 'JNE',
  'button.0': 'JNE123',
}

describe('the parameters a send needs', () => {
  it('lists header, body in order, then buttons', () => {
    expect(templateParameterSlots(shippedTemplate).map((slot) => slot.id)).toEqual([
      'header.1',
      'body.1',
      'body.2',
      'button.0',
    ])
    expect(templateParameterSlots(promoTemplate).map((slot) => slot.id)).toEqual([
      'header.media',
      'body.first_name',
      'body.discount',
      'body.shop',
      'body.end_date',
      'button.0',
    ])
  })

  it('fills a positional template, each number once and in number order', () => {
    const template: TemplateDraft = {
      ...shippedTemplate,
      body: {
        text: 'Halo {{1}}, paket {{2}} siap. Sampai jumpa {{1}}!',
        examples: { '1': 'A', '2': 'B' },
      },
    }
    expect(filled(template, shippedValues)).toEqual({
      name: 'order_shipped',
      language: 'id',
      style: 'positional',
      header: { type: 'text', text: 'INV-009' },
      body: ['Rina', 'JNE'],
      buttons: [{ type: 'url', index: 0, text: 'JNE123' }],
    })
  })

  it('fills a named template with parameter names, a media header and a copy code', () => {
    const values = {
      'header.media': 'media-banner',
      'body.first_name': 'Rina',
      'body.discount': '20%',
      'body.shop': 'Toko Rina',
      'body.end_date': '30 November',
      'button.0': 'HEMAT20',
    }
    const parameters = filled(promoTemplate, values)
    expect(parameters).toEqual({
      name: 'promo_akhir_bulan',
      language: 'id',
      style: 'named',
      header: { type: 'image', mediaRef: 'media-banner' },
      body: { first_name: 'Rina', discount: '20%', shop: 'Toko Rina', end_date: '30 November' },
      buttons: [{ type: 'copyCode', index: 0, couponCode: 'HEMAT20' }],
    })
    // The platform takes named parameters in the body's order.
    expect(Object.keys(parameters.body)).toEqual(['first_name', 'discount', 'shop', 'end_date'])
  })

  it('fills a named header variable with its name', () => {
    const template: TemplateDraft = {
      ...promoTemplate,
      header: { kind: 'text', text: 'Promo {{sale_name}}!', example: 'Akhir Bulan' },
      buttons: [],
    }
    const values = { ...exampleValues(template), 'header.sale_name': 'Harbolnas' }
    expect(filled(template, values).header).toEqual({
      type: 'text',
      parameterName: 'sale_name',
      text: 'Harbolnas',
    })
  })

  it('leaves the header out when it needs no value', () => {
    const template: TemplateDraft = { ...shippedTemplate, header: { kind: 'text', text: 'Info' } }
    expect(filled(template, shippedValues)).not.toHaveProperty('header')
  })
})

describe('the send body built from filled parameters', () => {
  const address = { to: '16505551234' }
  const byMediaId = (mediaRef: string) => ({ source: { id: mediaRef } })

  it('matches the platform’s send fixture for a named template with an image header', () => {
    const fixture = JSON.parse(
      readFileSync(
        new URL(
          '../../../../shared/fixtures/whatsapp/meta_send_template_utility_request.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as { template: unknown }
    const template: TemplateDraft = {
      name: 'reservation_confirmation',
      language: 'en_US',
      category: 'UTILITY',
      header: { kind: 'media', media: 'image' },
      body: {
        text: 'Your table for {{number_of_guests}} on {{day}}, {{date}} at {{time}} is confirmed.',
        examples: {
          number_of_guests: '4',
          day: 'Saturday',
          date: 'August 30th, 2025',
          time: '7:30 pm',
        },
      },
      buttons: [],
    }
    const parameters = filled(template, {
      ...exampleValues(template),
      'header.media': '2871834006348767',
    })
    const built = buildTemplateMessage(templateSendOf(parameters, address, byMediaId))
    expect(built.ok && built.body.template).toEqual(fixture.template)
  })

  it('sends a positional template’s values in number order, with its header and URL', () => {
    const built = buildTemplateMessage(
      templateSendOf(filled(shippedTemplate, shippedValues), address, byMediaId),
    )
    expect(built.ok && built.body.template).toEqual({
      name: 'order_shipped',
      language: { code: 'id' },
      components: [
        { type: 'header', parameters: [{ type: 'text', text: 'INV-009' }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Rina' },
            { type: 'text', text: 'JNE' },
          ],
        },
        {
          type: 'button',
          sub_type: 'url',
          index: '0',
          parameters: [{ type: 'text', text: 'JNE123' }],
        },
      ],
    })
  })

  it('gives a document header its file name', () => {
    const template: TemplateDraft = {
      ...shippedTemplate,
      header: { kind: 'media', media: 'document', mediaRef: 'invoice-9' },
    }
    const send = templateSendOf(
      filled(template, { ...shippedValues, 'header.media': 'invoice-9' }),
      address,
      (mediaRef) => ({ source: { id: `wa-${mediaRef}` }, filename: 'Invoice 9.pdf' }),
    )
    expect(send.header).toEqual({
      type: 'document',
      media: { id: 'wa-invoice-9' },
      filename: 'Invoice 9.pdf',
    })
  })
})

describe('filling the send form', () => {
  it('pre-fills from what Kedai knows and lists what it does not', () => {
    const prefill = prefillTemplateParameters(promoTemplate, context)
    expect(prefill.values).toEqual({
      'header.media': 'media-banner',
      'body.first_name': 'Rina',
      'body.shop': 'Toko Rina',
    })
    expect(prefill.missing.map((slot) => slot.id)).toEqual([
      'body.discount',
      'body.end_date',
      'button.0',
    ])
  })

  it('pre-fills a positional variable the template maps to a known value, and typed values', () => {
    const template: TemplateDraft = { ...shippedTemplate, fillFrom: { 'body.1': 'first_name' } }
    const prefill = prefillTemplateParameters(template, {
      ...context,
      custom: { 'body.2': 'SiCepat' },
    })
    expect(prefill.values).toEqual({ 'body.1': 'Rina', 'body.2': 'SiCepat' })
    expect(prefill.missing.map((slot) => slot.id)).toEqual(['header.1', 'button.0'])
  })

  it('reports a missing value rather than sending a blank', () => {
    const result = fillTemplateParameters(shippedTemplate, { ...shippedValues, 'body.2': '  ' })
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: 'missing', slot: { id: 'body.2' } }],
    })
  })

  it('refuses values the platform refuses: line breaks, runs of spaces, too long', () => {
    const result = fillTemplateParameters(shippedTemplate, {
      ...shippedValues,
      'header.1': 'x'.repeat(61),
      'body.1': 'Rina\nWati',
      'body.2': 'J      NE',
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((problem) => [problem.code, problem.slot.id])).toEqual([
      ['too_long', 'header.1'],
      ['line_break', 'body.1'],
      ['too_many_spaces', 'body.2'],
    ])
  })

  it('allows long body values only when the body stands alone', () => {
    const long = 'x'.repeat(2000)
    const bodyOnly: TemplateDraft = {
      ...shippedTemplate,
      header: { kind: 'none' },
      footer: undefined,
      buttons: [],
    }
    expect(fillTemplateParameters(bodyOnly, { 'body.1': long, 'body.2': 'JNE' }).ok).toBe(true)
    expect(
      fillTemplateParameters(shippedTemplate, { ...shippedValues, 'body.1': long }),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'too_long', limit: 1024, length: 2000 }],
    })
  })
})

describe('the preview as the customer will see it', () => {
  it('renders a positional template with its header variable and URL', () => {
    const preview = renderTemplate(shippedTemplate, shippedValues)
    expect(preview.header).toEqual({
      kind: 'text',
      pieces: [
        { kind: 'text', text: 'Pesanan ' },
        { kind: 'value', slotId: 'header.1', text: 'INV-009' },
        { kind: 'text', text: ' dikirim' },
      ],
    })
    expect(previewText(preview.body)).toBe(
      'Halo Rina, pesanan Kakak sudah dikirim lewat JNE. Terima kasih!',
    )
    expect(preview.footer).toBe('Toko Rina')
    expect(preview.buttons).toEqual([
      {
        type: 'URL',
        text: 'Lacak paket',
        url: [
          { kind: 'text', text: 'https://toko.example/lacak/' },
          { kind: 'value', slotId: 'button.0', text: 'JNE123' },
        ],
      },
      { type: 'PHONE_NUMBER', text: 'Telepon kami', phoneNumber: '+62 812-3456-7890' },
      { type: 'QUICK_REPLY', text: 'Sudah terima' },
      { type: 'QUICK_REPLY', text: 'Belum sampai' },
    ])
    expect(preview.missing).toEqual([])
  })

  it('renders a named template and marks what is still missing, never as a placeholder', () => {
    const preview = renderTemplate(
      promoTemplate,
      prefillTemplateParameters(promoTemplate, context).values,
    )
    expect(preview.header).toEqual({ kind: 'media', media: 'image', mediaRef: 'media-banner' })
    expect(preview.body).toEqual([
      { kind: 'text', text: 'Halo ' },
      { kind: 'value', slotId: 'body.first_name', text: 'Rina' },
      { kind: 'text', text: ', ada diskon ' },
      { kind: 'missing', slotId: 'body.discount', variable: 'discount' },
      { kind: 'text', text: ' di ' },
      { kind: 'value', slotId: 'body.shop', text: 'Toko Rina' },
      { kind: 'text', text: ' sampai ' },
      { kind: 'missing', slotId: 'body.end_date', variable: 'end_date' },
      { kind: 'text', text: '!' },
    ])
    expect(previewText(preview.body)).toBeNull()
    expect(preview.buttons[0]).toEqual({
      type: 'COPY_CODE',
      code: [{ kind: 'missing', slotId: 'button.0', variable: 'code' }],
    })
    expect(preview.missing.map((slot) => slot.id)).toEqual([
      'body.discount',
      'body.end_date',
      'button.0',
    ])
  })

  it('reads like a real message in the editor, from the examples', () => {
    const preview = renderTemplate(promoTemplate, exampleValues(promoTemplate))
    expect(previewText(preview.body)).toBe(
      'Halo Rina, ada diskon 20% di Toko Rina sampai 30 November!',
    )
    expect(preview.missing).toEqual([])
  })

  it('shows a malformed variable as written while the owner types', () => {
    const template: TemplateDraft = {
      ...shippedTemplate,
      body: { text: 'Halo {{Nama}}!', examples: {} },
    }
    expect(previewText(renderTemplate(template, {}).body)).toBe('Halo {{Nama}}!')
  })
})
