import { describe, expect, it } from 'vitest'
import {
  checkTemplate,
  templateLimits,
  type TemplateButton,
  type TemplateDraft,
  type TemplateIssue,
} from '../../../src-shared/templates'
import { promoTemplate, shippedTemplate } from './sample-templates'

const codes = (issues: TemplateIssue[]) => issues.map((issue) => issue.code)

function withBody(text: string, examples: Record<string, string>): TemplateDraft {
  return { ...shippedTemplate, body: { text, examples } }
}

function withButtons(buttons: TemplateButton[]): TemplateDraft {
  return { ...shippedTemplate, buttons }
}

const quickReply = (text: string): TemplateButton => ({ type: 'QUICK_REPLY', text })
const url = (
  overrides: Partial<Extract<TemplateButton, { type: 'URL' }>> = {},
): TemplateButton => ({
  type: 'URL',
  text: 'Buka toko',
  url: 'https://toko.example/katalog',
  ...overrides,
})

describe('checking a template against the platform’s rules', () => {
  it('finds nothing wrong with valid templates', () => {
    expect(checkTemplate(shippedTemplate)).toEqual([])
    expect(checkTemplate(promoTemplate)).toEqual([])
    expect(
      checkTemplate({
        ...shippedTemplate,
        header: { kind: 'none' },
        footer: undefined,
        buttons: [],
      }),
    ).toEqual([])
  })

  describe('name and language', () => {
    it('name: lowercase letters, digits and underscores only', () => {
      for (const name of ['Order_Shipped', 'order-shipped', 'pesanan dikirim', '', 'pésanan']) {
        expect(checkTemplate({ ...shippedTemplate, name })).toEqual([
          { code: 'name_format', component: 'name' },
        ])
      }
    })

    it('name: at most 512 characters', () => {
      expect(checkTemplate({ ...shippedTemplate, name: 'a'.repeat(513) })).toEqual([
        { code: 'name_too_long', component: 'name', length: 513, limit: 512 },
      ])
    })

    it('name: unique per language among the shop’s templates', () => {
      const other = { id: 't-2', name: 'order_shipped', language: 'id' }
      expect(checkTemplate(shippedTemplate, { others: [other] })).toEqual([
        { code: 'name_taken', component: 'name', takenBy: 't-2' },
      ])
      expect(checkTemplate(shippedTemplate, { others: [{ ...other, language: 'en_US' }] })).toEqual(
        [],
      )
      expect(checkTemplate(shippedTemplate, { others: [other], selfId: 't-2' })).toEqual([])
    })

    it('language: a platform language code such as id or en_US', () => {
      expect(checkTemplate({ ...shippedTemplate, language: 'en_US' })).toEqual([])
      expect(checkTemplate({ ...shippedTemplate, language: 'Indonesian' })).toEqual([
        { code: 'language_format', component: 'language' },
      ])
    })
  })

  describe('header', () => {
    it('a text header needs text', () => {
      expect(checkTemplate({ ...shippedTemplate, header: { kind: 'text', text: ' ' } })).toEqual([
        { code: 'header_text_empty', component: 'header' },
      ])
    })

    it('a text header has at most 60 characters', () => {
      const text = `Pesanan {{1}} ${'x'.repeat(60)}`
      expect(
        checkTemplate({ ...shippedTemplate, header: { kind: 'text', text, example: 'A' } }),
      ).toEqual([{ code: 'header_too_long', component: 'header', length: text.length, limit: 60 }])
    })

    it('a text header has at most one variable', () => {
      const header = { kind: 'text' as const, text: 'Pesanan {{1}} dari {{2}}', example: 'A' }
      expect(checkTemplate({ ...shippedTemplate, header })).toEqual([
        { code: 'header_too_many_variables', component: 'header', count: 2, limit: 1 },
      ])
    })

    it('a header variable needs an example', () => {
      const header = { kind: 'text' as const, text: 'Pesanan {{1}} dikirim' }
      expect(checkTemplate({ ...shippedTemplate, header })).toEqual([
        { code: 'example_missing', component: 'header', variable: '1' },
      ])
    })

    it('a header uses the body’s variable style', () => {
      const header = { kind: 'text' as const, text: 'Pesanan {{order_id}}', example: 'INV-1' }
      expect(checkTemplate({ ...shippedTemplate, header })).toEqual([
        { code: 'variables_mixed', component: 'header' },
      ])
    })
  })

  describe('body', () => {
    it('is required', () => {
      expect(checkTemplate(withBody('  ', {}))).toEqual([{ code: 'body_empty', component: 'body' }])
    })

    it('has at most 1,024 characters', () => {
      const text = `Halo {{1}}, ${'x'.repeat(1024)} lewat {{2}}.`
      expect(checkTemplate(withBody(text, shippedTemplate.body.examples))).toEqual([
        { code: 'body_too_long', component: 'body', length: text.length, limit: 1024 },
      ])
    })

    it('numbers positional variables from 1 without gaps', () => {
      expect(
        checkTemplate(withBody('Halo {{1}}, dikirim lewat {{3}}.', { '1': 'A', '3': 'B' })),
      ).toEqual([{ code: 'variable_numbers_gap', component: 'body', missing: [2] }])
      expect(checkTemplate(withBody('Halo {{2}}, apa kabar?', { '2': 'A' }))).toEqual([
        { code: 'variable_numbers_gap', component: 'body', missing: [1] },
      ])
    })

    it('numbers positional variables in order of appearance', () => {
      expect(
        checkTemplate(withBody('Halo {{2}}, dikirim lewat {{1}}.', { '1': 'A', '2': 'B' })),
      ).toEqual([{ code: 'variable_numbers_order', component: 'body', found: [2, 1] }])
    })

    it('lets a variable repeat', () => {
      expect(
        checkTemplate(
          withBody('Halo {{1}}, {{2}} siap. Sampai jumpa {{1}}!', { '1': 'A', '2': 'B' }),
        ),
      ).toEqual([])
    })

    it('does not mix positional and named variables', () => {
      const examples = { '1': 'A', order_id: 'INV-1', '2': 'B' }
      expect(
        checkTemplate(withBody('Halo {{1}}, pesanan {{order_id}} lewat {{2}}.', examples)),
      ).toEqual([{ code: 'variables_mixed', component: 'body' }])
    })

    it('never puts two variables side by side', () => {
      expect(
        checkTemplate(withBody('Halo {{1}} {{2}}, pesanan sudah dikirim.', { '1': 'A', '2': 'B' })),
      ).toEqual([
        { code: 'variables_adjacent', component: 'body', first: '{{1}}', second: '{{2}}' },
      ])
      expect(
        checkTemplate(withBody('Halo {{1}}{{2}}, pesanan sudah dikirim.', { '1': 'A', '2': 'B' })),
      ).toHaveLength(1)
    })

    it('does not start with a variable', () => {
      expect(
        checkTemplate(withBody('  {{1}}, pesanan dikirim lewat {{2}}.', { '1': 'A', '2': 'B' })),
      ).toEqual([{ code: 'variable_at_start', component: 'body', variable: '{{1}}' }])
    })

    it('does not end with a variable', () => {
      expect(
        checkTemplate(
          withBody('Halo {{1}}, pesanan dikirim lewat {{2}}\n', { '1': 'A', '2': 'B' }),
        ),
      ).toEqual([{ code: 'variable_at_end', component: 'body', variable: '{{2}}' }])
    })

    it('has an example for every variable', () => {
      expect(
        checkTemplate(withBody(shippedTemplate.body.text, { '1': 'Rina', '2': '  ' })),
      ).toEqual([{ code: 'example_missing', component: 'body', variable: '2' }])
    })

    it('names a malformed variable', () => {
      const examples = { '1': 'A', '2': 'B' }
      expect(
        checkTemplate(withBody('Halo {{1}}, kode {{Kode Promo}} lewat {{2}}.', examples)),
      ).toEqual([{ code: 'variable_malformed', component: 'body', text: '{{Kode Promo}}' }])
    })

    it('names braces left open', () => {
      const examples = { '1': 'A', '2': 'B' }
      expect(
        checkTemplate(withBody('Halo {{1}}, pesanan {{ sudah lewat {{2}}.', examples)),
      ).toEqual([{ code: 'unmatched_braces', component: 'body' }])
    })
  })

  describe('footer', () => {
    it('has at most 60 characters', () => {
      expect(checkTemplate({ ...shippedTemplate, footer: 'x'.repeat(61) })).toEqual([
        { code: 'footer_too_long', component: 'footer', length: 61, limit: 60 },
      ])
    })

    it('has no variables', () => {
      expect(checkTemplate({ ...shippedTemplate, footer: 'Toko {{1}}' })).toEqual([
        { code: 'footer_has_variables', component: 'footer' },
      ])
    })
  })

  describe('buttons', () => {
    it('are at most 10 in all', () => {
      const buttons = [
        url(),
        ...Array.from({ length: 10 }, (_, i) => quickReply(`Pilihan ${i + 1}`)),
      ]
      expect(checkTemplate(withButtons(buttons))).toEqual([
        { code: 'too_many_buttons', component: 'buttons', count: 11, limit: 10 },
      ])
    })

    it('keep quick replies together', () => {
      expect(checkTemplate(withButtons([quickReply('Ya'), url(), quickReply('Tidak')]))).toEqual([
        { code: 'quick_replies_not_grouped', component: 'buttons' },
      ])
      expect(checkTemplate(withButtons([quickReply('Ya'), quickReply('Tidak'), url()]))).toEqual([])
    })

    it('include at most 2 URL buttons', () => {
      expect(checkTemplate(withButtons([url(), url(), url()]))).toEqual([
        { code: 'too_many_buttons_of_type', component: 'buttons', type: 'URL', count: 3, limit: 2 },
      ])
    })

    it('include at most 1 phone number button', () => {
      const phone: TemplateButton = {
        type: 'PHONE_NUMBER',
        text: 'Telepon',
        phoneNumber: '+6281234567890',
      }
      expect(checkTemplate(withButtons([phone, phone]))).toEqual([
        {
          code: 'too_many_buttons_of_type',
          component: 'buttons',
          type: 'PHONE_NUMBER',
          count: 2,
          limit: 1,
        },
      ])
    })

    it('include at most 1 copy code button', () => {
      const copy: TemplateButton = { type: 'COPY_CODE', example: 'HEMAT20' }
      expect(checkTemplate(withButtons([copy, copy]))).toEqual([
        {
          code: 'too_many_buttons_of_type',
          component: 'buttons',
          type: 'COPY_CODE',
          count: 2,
          limit: 1,
        },
      ])
    })

    it('need a text', () => {
      expect(checkTemplate(withButtons([quickReply(' ')]))).toEqual([
        { code: 'button_text_empty', component: 'buttons', buttonIndex: 0 },
      ])
    })

    it('have a text of at most 25 characters', () => {
      expect(checkTemplate(withButtons([quickReply('Ya'), quickReply('x'.repeat(26))]))).toEqual([
        {
          code: 'button_text_too_long',
          component: 'buttons',
          buttonIndex: 1,
          length: 26,
          limit: 25,
        },
      ])
    })

    it('open only valid https addresses', () => {
      for (const address of [
        'http://toko.example/katalog',
        'https://toko',
        'https://toko .example',
        'toko.example',
        'https://toko.example/{{ 1 }}',
      ]) {
        expect(checkTemplate(withButtons([url({ url: address, example: 'A' })]))).toEqual([
          { code: 'url_invalid', component: 'buttons', buttonIndex: 0 },
        ])
      }
    })

    it('open addresses of at most 2,000 characters', () => {
      const address = `https://toko.example/${'a'.repeat(2000)}`
      expect(checkTemplate(withButtons([url({ url: address, example: 'A' })]))).toEqual([
        {
          code: 'url_too_long',
          component: 'buttons',
          buttonIndex: 0,
          length: address.length,
          limit: 2000,
        },
      ])
    })

    it('put the URL’s variable at its very end', () => {
      expect(
        checkTemplate(
          withButtons([url({ url: 'https://toko.example/{{1}}/lacak', example: 'A' })]),
        ),
      ).toEqual([{ code: 'url_variable_not_at_end', component: 'buttons', buttonIndex: 0 }])
    })

    it('give a URL one variable at most', () => {
      expect(
        checkTemplate(
          withButtons([url({ url: 'https://toko.example/{{1}}/{{2}}', example: 'A' })]),
        ),
      ).toEqual([
        { code: 'url_too_many_variables', component: 'buttons', buttonIndex: 0, count: 2 },
      ])
    })

    it('give an example for the URL’s variable', () => {
      expect(
        checkTemplate(withButtons([url({ url: 'https://toko.example/lacak/{{1}}' })])),
      ).toEqual([{ code: 'url_example_missing', component: 'buttons', buttonIndex: 0 }])
    })

    it('call a number in international form', () => {
      const phone: TemplateButton = {
        type: 'PHONE_NUMBER',
        text: 'Telepon',
        phoneNumber: '0812-3456-7890',
      }
      expect(checkTemplate(withButtons([phone]))).toEqual([
        { code: 'phone_number_invalid', component: 'buttons', buttonIndex: 0 },
      ])
    })

    it('give a copy code button an example code', () => {
      expect(checkTemplate(withButtons([{ type: 'COPY_CODE' }]))).toEqual([
        { code: 'copy_code_example_missing', component: 'buttons', buttonIndex: 0 },
      ])
    })

    it('keep the copy code to 15 characters', () => {
      expect(checkTemplate(withButtons([{ type: 'COPY_CODE', example: 'X'.repeat(16) }]))).toEqual([
        { code: 'copy_code_too_long', component: 'buttons', buttonIndex: 0, length: 16, limit: 15 },
      ])
    })
  })

  it('reports every broken rule at once, each with the component it concerns', () => {
    const issues = checkTemplate({
      ...shippedTemplate,
      name: 'Pesanan Dikirim',
      body: { text: '{{1}} {{3}}', examples: {} },
      footer: 'Toko {{1}}',
      buttons: [quickReply('Ya'), url({ url: 'http://toko.example' }), quickReply('x'.repeat(30))],
    })
    expect(issues.map((issue) => [issue.component, issue.code])).toEqual([
      ['name', 'name_format'],
      ['body', 'variable_numbers_gap'],
      ['body', 'variables_adjacent'],
      ['body', 'variable_at_start'],
      ['body', 'variable_at_end'],
      ['body', 'example_missing'],
      ['body', 'example_missing'],
      ['footer', 'footer_has_variables'],
      ['buttons', 'quick_replies_not_grouped'],
      ['buttons', 'url_invalid'],
      ['buttons', 'button_text_too_long'],
    ])
    expect(codes(issues)).not.toContain('variables_mixed')
  })

  it('takes changed platform limits as data', () => {
    expect(
      checkTemplate(
        { ...shippedTemplate, footer: 'Toko Rina Jaya' },
        {
          limits: { ...templateLimits, footerLength: 10 },
        },
      ),
    ).toEqual([{ code: 'footer_too_long', component: 'footer', length: 14, limit: 10 }])
  })
})
