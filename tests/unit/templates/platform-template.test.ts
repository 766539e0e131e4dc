/** Templates in the platform's words: create body out, list item back in. */
import { describe, expect, it } from 'vitest'
import {
  readWireTemplate,
  templateCreateBody,
  templateStatusFromWire,
  type TemplateDraft,
} from '../../../src-shared/templates'

const positional: TemplateDraft = {
  name: 'order_update',
  language: 'id',
  category: 'UTILITY',
  header: { kind: 'text', text: 'Pesanan {{1}}', example: '4471' },
  body: { text: 'Halo {{1}}, pesanan {{2}} sudah dikirim.', examples: { 1: 'Siti', 2: '4471' } },
  footer: 'Toko Makmur',
  buttons: [
    { type: 'URL', text: 'Lacak', url: 'https://toko.example/track/{{1}}', example: '4471' },
    { type: 'QUICK_REPLY', text: 'Terima kasih' },
  ],
}

const named: TemplateDraft = {
  name: 'promo',
  language: 'en_US',
  category: 'MARKETING',
  header: { kind: 'media', media: 'image' },
  body: {
    text: 'Hi {{first_name}}, {{discount}} off today.',
    examples: { first_name: 'Ana', discount: '10%' },
  },
  buttons: [],
}

describe('platform templates', () => {
  it('builds the create body with examples, positional and named', () => {
    expect(templateCreateBody(positional)).toEqual({
      name: 'order_update',
      language: 'id',
      category: 'UTILITY',
      parameter_format: 'POSITIONAL',
      components: [
        {
          type: 'HEADER',
          format: 'TEXT',
          text: 'Pesanan {{1}}',
          example: { header_text: ['4471'] },
        },
        {
          type: 'BODY',
          text: 'Halo {{1}}, pesanan {{2}} sudah dikirim.',
          example: { body_text: [['Siti', '4471']] },
        },
        { type: 'FOOTER', text: 'Toko Makmur' },
        {
          type: 'BUTTONS',
          buttons: [
            {
              type: 'URL',
              text: 'Lacak',
              url: 'https://toko.example/track/{{1}}',
              example: ['4471'],
            },
            { type: 'QUICK_REPLY', text: 'Terima kasih' },
          ],
        },
      ],
    })
    const body = templateCreateBody(named)
    expect(body.parameter_format).toBe('NAMED')
    expect(body.components[1]).toEqual({
      type: 'BODY',
      text: named.body.text,
      example: {
        body_text_named_params: [
          { param_name: 'first_name', example: 'Ana' },
          { param_name: 'discount', example: '10%' },
        ],
      },
    })
  })

  it('reads a list item back into the same template', () => {
    for (const draft of [positional, named]) {
      const wire = {
        ...templateCreateBody(draft),
        id: 12345,
        status: 'APPROVED',
        quality_score: { score: 'GREEN' },
      }
      expect(readWireTemplate(wire)).toEqual({
        platformId: '12345',
        status: { state: 'approved' },
        quality: 'GREEN',
        content: draft,
      })
    }
    expect(readWireTemplate({ name: 'x' })).toBeNull()
    expect(
      readWireTemplate({
        ...templateCreateBody(named),
        id: '1',
        status: 'APPROVED',
        category: 'OTHER',
      }),
    ).toBeNull()
  })

  it('maps the platform status words', () => {
    expect(templateStatusFromWire('REJECTED', 'INVALID_FORMAT')).toEqual({
      state: 'rejected',
      reason: 'INVALID_FORMAT',
    })
    expect(templateStatusFromWire('REJECTED', 'NONE')).toEqual({
      state: 'rejected',
      reason: 'REJECTED',
    })
    expect(templateStatusFromWire('PENDING')).toEqual({ state: 'pending' })
    expect(templateStatusFromWire('DISABLED')).toEqual({ state: 'disabled' })
    expect(templateStatusFromWire('FLAGGED')).toEqual({ state: 'paused' })
  })
})
