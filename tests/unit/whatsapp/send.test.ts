import { describe, expect, it } from 'vitest'
import {
  buildMarkAsRead,
  buildReplyButtonsMessage,
  buildTemplateMessage,
  buildTextMessage,
  type ReplyButtonsSend,
  type SendBuild,
  type TemplateSend,
} from '../../../src-shared/whatsapp'

function bodyOf<T>(built: SendBuild<T>): T {
  if (!built.ok) throw new Error(`refused: ${built.reason}: ${built.message}`)
  return built.body
}

const customer = '+6281234567890'

describe('a text message', () => {
  it('carries the reply context and the callback data, and no preview unless asked', () => {
    expect(
      bodyOf(
        buildTextMessage({
          to: customer,
          body: 'Ready kak, size M tinggal 2',
          replyTo: 'wamid.question',
          bizOpaqueCallbackData: '01JBZ8Q5N4X0W3C7K2R9T6V1M8',
        }),
      ),
    ).toStrictEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: customer,
      context: { message_id: 'wamid.question' },
      biz_opaque_callback_data: '01JBZ8Q5N4X0W3C7K2R9T6V1M8',
      type: 'text',
      text: { body: 'Ready kak, size M tinggal 2' },
    })
  })

  it('keeps the + of an E.164 number and sends a bare wa_id as given', () => {
    expect(bodyOf(buildTextMessage({ to: '+6281234567890', body: 'a' })).to).toBe('+6281234567890')
    expect(bodyOf(buildTextMessage({ to: '6281234567890', body: 'a' })).to).toBe('6281234567890')
  })

  it('addresses a customer known only by a business-scoped user id with `recipient`', () => {
    const body = bodyOf(buildTextMessage({ to: 'ID.1502576394655843', body: 'Halo kak' }))
    expect(body.recipient).toBe('ID.1502576394655843')
    expect(body).not.toHaveProperty('to')
  })

  it.each(['', '   \n '])('refuses an empty text (%j)', (text) => {
    expect(buildTextMessage({ to: customer, body: text })).toMatchObject({
      ok: false,
      reason: 'emptyText',
    })
  })

  it('takes 4,096 characters and refuses 4,097', () => {
    expect(buildTextMessage({ to: customer, body: 'a'.repeat(4096) }).ok).toBe(true)
    const refused = buildTextMessage({ to: customer, body: 'a'.repeat(4097) })
    expect(refused).toMatchObject({ ok: false, reason: 'textTooLong' })
    expect(refused.ok || refused.message).toContain('4097')
  })

  it('counts an emoji as one character', () => {
    expect(buildTextMessage({ to: customer, body: '\u{1F6CD}'.repeat(4096) }).ok).toBe(true)
  })

  it.each(['0812345', '+62 812 3456 7890', '+0123456789', 'sari', '', 'id.123'])(
    'refuses the recipient %j',
    (to) => {
      expect(buildTextMessage({ to, body: 'Halo' })).toMatchObject({
        ok: false,
        reason: 'invalidRecipient',
      })
    },
  )

  it.each([
    ['a reply to nothing', { replyTo: '' }, 'invalidReplyTo'],
    ['empty callback data', { bizOpaqueCallbackData: '' }, 'invalidCallbackData'],
    ['callback data over 512', { bizOpaqueCallbackData: 'x'.repeat(513) }, 'invalidCallbackData'],
  ])('refuses %s', (_, extra, reason) => {
    expect(buildTextMessage({ to: customer, body: 'Halo', ...extra })).toMatchObject({
      ok: false,
      reason,
    })
  })
})

describe('a reply-buttons message', () => {
  const base: ReplyButtonsSend = {
    to: customer,
    body: 'Mau dikirim hari ini atau besok?',
    buttons: [
      { id: 'today', title: 'Hari ini' },
      { id: 'tomorrow', title: 'Besok' },
    ],
  }

  it('has no header or footer unless given', () => {
    expect(bodyOf(buildReplyButtonsMessage(base)).interactive).toStrictEqual({
      type: 'button',
      body: { text: 'Mau dikirim hari ini atau besok?' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'today', title: 'Hari ini' } },
          { type: 'reply', reply: { id: 'tomorrow', title: 'Besok' } },
        ],
      },
    })
  })

  it('takes a text header, and a document header by link with its file name', () => {
    const withText = buildReplyButtonsMessage({ ...base, header: { type: 'text', text: 'Ongkir' } })
    expect(bodyOf(withText).interactive.header).toEqual({ type: 'text', text: 'Ongkir' })
    const withDocument = buildReplyButtonsMessage({
      ...base,
      header: {
        type: 'document',
        media: { link: 'https://toko.example/katalog.pdf' },
        filename: 'katalog.pdf',
      },
    })
    expect(bodyOf(withDocument).interactive.header).toEqual({
      type: 'document',
      document: { link: 'https://toko.example/katalog.pdf', filename: 'katalog.pdf' },
    })
  })

  it('takes three buttons of 20 characters', () => {
    const buttons = ['a', 'b', 'c'].map((id) => ({ id, title: id.repeat(20) }))
    expect(buildReplyButtonsMessage({ ...base, buttons }).ok).toBe(true)
  })

  it.each<[string, Partial<ReplyButtonsSend>, string]>([
    [
      'four buttons',
      { buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })) },
      'tooManyButtons',
    ],
    ['no button', { buttons: [] }, 'noButtons'],
    [
      'a 21-character title',
      { buttons: [{ id: 'a', title: 'x'.repeat(21) }] },
      'buttonTitleTooLong',
    ],
    ['an empty title', { buttons: [{ id: 'a', title: ' ' }] }, 'emptyButtonTitle'],
    [
      'two buttons with one id',
      {
        buttons: [
          { id: 'a', title: 'Ya' },
          { id: 'a', title: 'Tidak' },
        ],
      },
      'duplicateButtonId',
    ],
    ['an id with a space at the end', { buttons: [{ id: 'a ', title: 'Ya' }] }, 'invalidButtonId'],
    ['an empty id', { buttons: [{ id: '', title: 'Ya' }] }, 'invalidButtonId'],
    ['a body of 1,025 characters', { body: 'x'.repeat(1025) }, 'textTooLong'],
    ['an empty body', { body: '' }, 'emptyText'],
    ['a footer of 61 characters', { footer: 'x'.repeat(61) }, 'footerTooLong'],
    [
      'a header of 61 characters',
      { header: { type: 'text', text: 'x'.repeat(61) } },
      'headerTooLong',
    ],
    [
      'an image that is no address',
      { header: { type: 'image', media: { link: 'foto.jpg' } } },
      'invalidMedia',
    ],
  ])('refuses %s', (_, change, reason) => {
    expect(buildReplyButtonsMessage({ ...base, ...change })).toMatchObject({ ok: false, reason })
  })
})

describe('a template message', () => {
  const base: TemplateSend = { to: customer, name: 'order_update', language: 'id' }

  it('has no components when the template has nothing to fill in', () => {
    expect(bodyOf(buildTemplateMessage(base)).template).toStrictEqual({
      name: 'order_update',
      language: { code: 'id' },
    })
  })

  it('fills positional placeholders in order, without names', () => {
    const body = bodyOf(buildTemplateMessage({ ...base, body: ['Rina', 'INV-0042'] }))
    expect(body.template.components).toStrictEqual([
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Rina' },
          { type: 'text', text: 'INV-0042' },
        ],
      },
    ])
  })

  it('fills a text header, and the buttons that need a value', () => {
    const body = bodyOf(
      buildTemplateMessage({
        ...base,
        header: { type: 'text', text: 'INV-0042', parameterName: 'invoice' },
        body: { customer_name: 'Rina' },
        buttons: [
          { type: 'quickReply', index: 0, payload: 'stop-promotions' },
          { type: 'url', index: 1, text: 'INV-0042' },
          { type: 'copyCode', index: 2, couponCode: 'HEMAT10' },
        ],
        replyTo: 'wamid.question',
        bizOpaqueCallbackData: '01JBZ8Q5N4X0W3C7K2R9T6V1M8',
      }),
    )
    expect(body.context).toEqual({ message_id: 'wamid.question' })
    expect(body.biz_opaque_callback_data).toBe('01JBZ8Q5N4X0W3C7K2R9T6V1M8')
    expect(body.template.components).toStrictEqual([
      {
        type: 'header',
        parameters: [{ type: 'text', parameter_name: 'invoice', text: 'INV-0042' }],
      },
      {
        type: 'body',
        parameters: [{ type: 'text', parameter_name: 'customer_name', text: 'Rina' }],
      },
      {
        type: 'button',
        sub_type: 'quick_reply',
        index: '0',
        parameters: [{ type: 'payload', payload: 'stop-promotions' }],
      },
      {
        type: 'button',
        sub_type: 'url',
        index: '1',
        parameters: [{ type: 'text', text: 'INV-0042' }],
      },
      {
        type: 'button',
        sub_type: 'copy_code',
        index: '2',
        parameters: [{ type: 'coupon_code', coupon_code: 'HEMAT10' }],
      },
    ])
  })

  it.each([
    ['video', { type: 'video' as const, media: { link: 'https://toko.example/promo.mp4' } }],
    ['document', { type: 'document' as const, media: { id: '123' }, filename: 'nota.pdf' }],
  ])('takes a %s header', (type, header) => {
    const components = bodyOf(buildTemplateMessage({ ...base, header })).template.components
    expect(components?.[0]).toMatchObject({ type: 'header', parameters: [{ type }] })
  })

  it.each<[string, Partial<TemplateSend>, string]>([
    ['a name with capitals and spaces', { name: 'Order Update' }, 'invalidTemplateName'],
    ['a language that is no code', { language: 'indonesian' }, 'invalidLanguage'],
    ['an empty value', { body: ['Rina', ''] }, 'invalidParameter'],
    ['a value with a line break', { body: ['Rina\nINV-0042'] }, 'invalidParameter'],
    ['a value with five spaces in a row', { body: ['Rina     INV'] }, 'invalidParameter'],
    ['a parameter name with capitals', { body: { Name: 'Rina' } }, 'invalidParameter'],
    [
      'a header value of 61 characters',
      { header: { type: 'text', text: 'x'.repeat(61) } },
      'headerTooLong',
    ],
    ['an image without id', { header: { type: 'image', media: { id: '' } } }, 'invalidMedia'],
    [
      'a button index past 9',
      { buttons: [{ type: 'quickReply', index: 10, payload: 'x' }] },
      'invalidButtonParameter',
    ],
    [
      'two values for one button',
      {
        buttons: [
          { type: 'url', index: 0, text: 'a' },
          { type: 'url', index: 0, text: 'b' },
        ],
      },
      'invalidButtonParameter',
    ],
    [
      'a code of 16 characters',
      { buttons: [{ type: 'copyCode', index: 0, couponCode: 'X'.repeat(16) }] },
      'invalidButtonParameter',
    ],
    [
      'an empty quick-reply payload',
      { buttons: [{ type: 'quickReply', index: 0, payload: '' }] },
      'invalidButtonParameter',
    ],
    ['a recipient that is no number', { to: 'Rina' }, 'invalidRecipient'],
  ])('refuses %s', (_, change, reason) => {
    expect(buildTemplateMessage({ ...base, ...change })).toMatchObject({ ok: false, reason })
  })
})

describe('mark as read', () => {
  it('can show "typing..." while the owner writes', () => {
    expect(bodyOf(buildMarkAsRead({ wamid: 'wamid.in', showTyping: true }))).toStrictEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.in',
      typing_indicator: { type: 'text' },
    })
  })

  it('refuses a message without id', () => {
    expect(buildMarkAsRead({ wamid: '' })).toMatchObject({ ok: false, reason: 'invalidMessageId' })
  })
})
