import { describe, expect, it } from 'vitest'
import {
  normalisePricingCategory,
  parseWebhook,
  parseWebhookText,
  type InboundMessageEvent,
  type StatusEvent,
  type WebhookEvent,
} from '../../../src-shared/whatsapp'
import {
  accountWebhook,
  firstItem,
  firstValue,
  fixture,
  inbound,
  messagesWebhook,
  sheena,
} from './webhook-variations'

function parsed(payload: unknown): { events: WebhookEvent[]; problems: string[] } {
  const result = parseWebhook(payload)
  if (!result.ok) throw new Error(`refused: ${result.message}`)
  return result
}

function onlyEvent(payload: unknown): WebhookEvent {
  const { events, problems } = parsed(payload)
  expect(problems).toEqual([])
  expect(events).toHaveLength(1)
  return events[0]!
}

function onlyMessage(payload: unknown): InboundMessageEvent {
  const event = onlyEvent(payload)
  if (event.kind !== 'message') throw new Error(`expected a message, got ${event.kind}`)
  return event
}

function onlyStatus(payload: unknown): StatusEvent {
  const event = onlyEvent(payload)
  if (event.kind !== 'status') throw new Error(`expected a status, got ${event.kind}`)
  return event
}

describe('message types', () => {
  it('keeps an unknown type as unsupported, with its type name', () => {
    const payload = messagesWebhook({
      contacts: [sheena],
      messages: [inbound('poll', { poll: { question: 'Size M or L?' } })],
    })
    expect(onlyMessage(payload).content).toEqual({ type: 'unsupported', originalType: 'poll' })
  })

  it('takes the type name from `unsupported.type` when newer webhooks give it', () => {
    const payload = messagesWebhook({
      messages: [inbound('unsupported', { unsupported: { type: 'edit' } })],
    })
    expect(onlyMessage(payload).content).toEqual({ type: 'unsupported', originalType: 'edit' })
  })

  it('keeps an unknown interactive reply as unsupported, naming both levels', () => {
    const payload = messagesWebhook({
      messages: [
        inbound('interactive', {
          interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{}' } },
        }),
      ],
    })
    expect(onlyMessage(payload).content).toEqual({
      type: 'unsupported',
      originalType: 'interactive.nfm_reply',
    })
  })

  it('shows a known type it cannot read as unsupported, and says why', () => {
    const payload = messagesWebhook({
      messages: [inbound('image', { image: { mime_type: 'image/jpeg' } })],
    })
    const { events, problems } = parsed(payload)
    expect(events).toHaveLength(1)
    expect((events[0] as InboundMessageEvent).content).toEqual({
      type: 'unsupported',
      originalType: 'image',
    })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^entry\[0\]\.changes\[0\]\.value\.messages\[0\]\.image\.id: /)
  })

  it.each([
    [
      'video',
      { video: { id: 'v1', mime_type: 'video/mp4', sha256: 'h', caption: 'Warna merah' } },
      {
        type: 'video',
        media: { id: 'v1', mimeType: 'video/mp4', sha256: 'h', url: null },
        caption: 'Warna merah',
      },
    ],
    [
      'audio',
      { audio: { id: 'a1', mime_type: 'audio/ogg; codecs=opus', voice: true } },
      {
        type: 'audio',
        media: { id: 'a1', mimeType: 'audio/ogg; codecs=opus', sha256: null, url: null },
        voice: true,
      },
    ],
    [
      'document',
      { document: { id: 'd1', mime_type: 'application/pdf', filename: 'invoice.pdf' } },
      {
        type: 'document',
        media: { id: 'd1', mimeType: 'application/pdf', sha256: null, url: null },
        caption: null,
        filename: 'invoice.pdf',
      },
    ],
    [
      'sticker',
      { sticker: { id: 's1', mime_type: 'image/webp', animated: true } },
      {
        type: 'sticker',
        media: { id: 's1', mimeType: 'image/webp', sha256: null, url: null },
        animated: true,
      },
    ],
    [
      'reaction',
      { reaction: { message_id: 'wamid.ours', emoji: '\u{1F44D}' } },
      { type: 'reaction', reactedTo: 'wamid.ours', emoji: '\u{1F44D}' },
    ],
    [
      'reaction',
      { reaction: { message_id: 'wamid.ours', emoji: '' } },
      { type: 'reaction', reactedTo: 'wamid.ours', emoji: null },
    ],
    [
      'location',
      { location: { latitude: '-6.2', longitude: '106.816666' } },
      {
        type: 'location',
        latitude: -6.2,
        longitude: 106.816666,
        name: null,
        address: null,
        url: null,
      },
    ],
    [
      'contacts',
      {
        contacts: [
          {
            name: { formatted_name: 'Ibu Sari', first_name: 'Sari' },
            phones: [{ phone: '+62 812-3456-7890', wa_id: '6281234567890', type: 'MOBILE' }],
            emails: [{ email: 'sari@example.com' }],
            org: { company: 'Toko Sari' },
          },
        ],
      },
      {
        type: 'contacts',
        contacts: [
          {
            formattedName: 'Ibu Sari',
            phones: [{ phone: '+62 812-3456-7890', waId: '6281234567890', type: 'MOBILE' }],
            emails: [{ email: 'sari@example.com', type: null }],
            organization: 'Toko Sari',
          },
        ],
      },
    ],
    [
      'system',
      {
        system: {
          body: 'User A changed from 16505551234 to 16505559999',
          wa_id: '16505559999',
          type: 'user_changed_number',
        },
      },
      {
        type: 'system',
        systemType: 'user_changed_number',
        body: 'User A changed from 16505551234 to 16505559999',
        newWaId: '16505559999',
        newUserId: null,
      },
    ],
    [
      'order',
      {
        order: {
          catalog_id: 'c1',
          text: 'Kirim besok ya',
          product_items: [
            { product_retailer_id: 'KAOS-M', quantity: 2, item_price: 75000.5, currency: 'IDR' },
          ],
        },
      },
      {
        type: 'order',
        catalogId: 'c1',
        note: 'Kirim besok ya',
        items: [
          {
            productRetailerId: 'KAOS-M',
            quantity: 2,
            itemPriceMicros: 75_000_500_000,
            currency: 'IDR',
          },
        ],
      },
    ],
  ])('reads %s', (type, typed, content) => {
    const payload = messagesWebhook({ contacts: [sheena], messages: [inbound(type, typed)] })
    expect(onlyMessage(payload).content).toEqual(content)
  })

  it('marks forwarded messages', () => {
    const payload = messagesWebhook({
      messages: [
        inbound('text', {
          text: { body: 'Promo!' },
          context: { forwarded: true, frequently_forwarded: true },
        }),
      ],
    })
    const message = onlyMessage(payload)
    expect(message.forwarded).toBe(true)
    expect(message.frequentlyForwarded).toBe(true)
    expect(message.replyTo).toBeNull()
  })
})

describe('unknown fields', () => {
  it('are ignored at every level', () => {
    const payload = fixture('pywa_webhook_inbound_catalog_order')
    const plain = parseWebhook(fixture('pywa_webhook_inbound_catalog_order'))
    Object.assign(payload, { surprise: true })
    Object.assign(payload.entry[0]!, { time: 1697044668, surprise: [1, 2] })
    Object.assign(firstValue(payload), { surprise: { deep: 'x' } })
    Object.assign(firstItem(payload, 'contacts'), { identity_key_hash: 'abc', country_code: 'IL' })
    const message = firstItem(payload, 'messages')
    Object.assign(message, { from_logical_id: '42', group_id: undefined })
    Object.assign(message.order as object, { surprise: 'y' })
    expect(parseWebhook(payload)).toStrictEqual(plain)
  })
})

describe('customers known only by their business-scoped user id', () => {
  it('read a message without `from` or `wa_id`', () => {
    const payload = messagesWebhook({
      contacts: [
        { profile: { name: 'Rina', username: '@rina.butik' }, user_id: 'ID.1502576394655843' },
      ],
      messages: [
        {
          from_user_id: 'ID.1502576394655843',
          id: 'wamid.username',
          timestamp: '1760659222',
          type: 'text',
          text: { body: 'Kak, ready size M?' },
        },
      ],
    })
    expect(onlyMessage(payload).customer).toEqual({
      waId: null,
      userId: 'ID.1502576394655843',
      parentUserId: null,
      name: 'Rina',
      username: '@rina.butik',
    })
  })

  it('read a status without `recipient_id`', () => {
    const payload = messagesWebhook({
      statuses: [
        {
          id: 'wamid.out',
          status: 'delivered',
          timestamp: '1760659230',
          recipient_user_id: 'ID.1502576394655843',
          biz_opaque_callback_data: '01JBZ8Q5N4X0W3C7K2R9T6V1M8',
        },
      ],
    })
    const status = onlyStatus(payload)
    expect(status.recipient).toEqual({
      waId: null,
      userId: 'ID.1502576394655843',
      parentUserId: null,
      name: null,
      username: null,
    })
    expect(status.bizOpaqueCallbackData).toBe('01JBZ8Q5N4X0W3C7K2R9T6V1M8')
    expect(status.statusAt).toBe(1760659230000)
  })

  it('never take the name of another customer in the same batch', () => {
    const payload = messagesWebhook({
      contacts: [sheena],
      messages: [inbound('text', { from: '6281234567890', text: { body: 'Halo' } })],
    })
    expect(onlyMessage(payload).customer.name).toBeNull()
  })

  it('skip a message that names nobody, and say so', () => {
    const message = inbound('text', { text: { body: 'Halo' } })
    delete message.from
    const { events, problems } = parsed(messagesWebhook({ messages: [message] }))
    expect(events).toEqual([])
    expect(problems).toEqual([
      'entry[0].changes[0].value.messages[0]: no sender (neither from nor from_user_id)',
    ])
  })
})

describe('pricing', () => {
  it.each(['authentication-international', 'authentication_international'])(
    'reads %s as one category',
    (category) => {
      const payload = fixture('meta_webhook_status_sent_marketing_pmp')
      Object.assign(firstItem(payload, 'statuses'), {
        pricing: { pricing_model: 'PMP', type: 'regular', category },
      })
      expect(onlyStatus(payload).pricing).toEqual({
        pricingModel: 'PMP',
        type: 'regular',
        category: 'authentication_international',
        billable: null,
      })
    },
  )

  it('normalises case and spelling, and reads categories it does not know as unknown', () => {
    expect(normalisePricingCategory('AUTHENTICATION-INTERNATIONAL')).toBe(
      'authentication_international',
    )
    expect(normalisePricingCategory('marketing_lite')).toBe('marketing_lite')
    expect(normalisePricingCategory('referral_conversion')).toBe('referral_conversion')
    expect(normalisePricingCategory('galactic')).toBe('unknown')
  })

  it('keeps a free entry point and reads a pricing type it does not know as unknown', () => {
    const payload = fixture('meta_webhook_status_sent_marketing_pmp')
    const statuses = firstValue(payload).statuses as Record<string, unknown>[]
    statuses.push({
      ...statuses[0],
      status: 'delivered',
      pricing: { pricing_model: 'PMP', type: 'free_entry_point', category: 'service' },
    })
    statuses.push({
      ...statuses[0],
      status: 'read',
      pricing: { pricing_model: 'XYZ', type: 'bonus', category: 'utility' },
    })
    const { events } = parsed(payload)
    expect(events.map((event) => (event as StatusEvent).pricing)).toEqual([
      { pricingModel: 'PMP', type: 'regular', category: 'marketing', billable: true },
      { pricingModel: 'PMP', type: 'free_entry_point', category: 'service', billable: null },
      { pricingModel: 'unknown', type: 'unknown', category: 'utility', billable: null },
    ])
  })
})

describe('a malformed body', () => {
  it.each([
    ['null', null, 'notAnObject'],
    ['a list', [], 'notAnObject'],
    ['a string', 'hello', 'notAnObject'],
    ['a number', 42, 'notAnObject'],
    ['nothing', undefined, 'notAnObject'],
    ['another object', { object: 'page', entry: [] }, 'wrongObject'],
    ['no object', { entry: [] }, 'wrongObject'],
    ['no entry', { object: 'whatsapp_business_account' }, 'missingEntry'],
    [
      'an entry that is no list',
      { object: 'whatsapp_business_account', entry: {} },
      'missingEntry',
    ],
    [
      'an entry that is no object',
      { object: 'whatsapp_business_account', entry: [7] },
      'malformedEntry',
    ],
    [
      'an entry without id',
      { object: 'whatsapp_business_account', entry: [{ changes: [] }] },
      'malformedEntry',
    ],
    [
      'an entry without changes',
      { object: 'whatsapp_business_account', entry: [{ id: '1' }] },
      'malformedEntry',
    ],
    [
      'a change without field',
      { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ value: {} }] }] },
      'malformedChange',
    ],
    [
      'a change without value',
      {
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'messages' }] }],
      },
      'malformedChange',
    ],
  ])('is refused whole when it is %s', (_, payload, reason) => {
    const result = parseWebhook(payload)
    expect(result).toMatchObject({ ok: false, reason })
    expect(result.ok || result.message.length > 0).toBe(true)
  })

  it('says where the envelope is broken', () => {
    const payload = fixture('meta_webhook_inbound_image')
    payload.entry.push({ id: '2', changes: [{ field: 'messages' } as never] })
    expect(parseWebhook(payload)).toEqual({
      ok: false,
      reason: 'malformedChange',
      message: 'entry[1].changes[0].value: not an object',
    })
  })

  it('is refused when it is not JSON, and parsed when it is', () => {
    expect(parseWebhookText('{"object": "whatsapp_business_account", "entry": [')).toMatchObject({
      ok: false,
      reason: 'notJson',
    })
    const text = JSON.stringify(fixture('meta_webhook_inbound_image'))
    expect(parseWebhookText(text)).toStrictEqual(
      parseWebhook(fixture('meta_webhook_inbound_image')),
    )
  })

  it('keeps the good items of a batch and names the bad ones', () => {
    const payload = messagesWebhook({
      contacts: [sheena],
      messages: [
        inbound('text', { text: { body: 'satu' } }),
        { from: '16505551234', timestamp: '1744344496', type: 'text', text: { body: 'no id' } },
        inbound('text', { timestamp: 'yesterday', text: { body: 'bad time' } }),
        'not a message',
      ],
      statuses: [
        { id: 'wamid.x', status: 'deleted', timestamp: '1', recipient_id: '16505551234' },
        { id: 'wamid.y', status: 'read', timestamp: '2', recipient_id: '16505551234', pricing: 3 },
      ],
    })
    const { events, problems } = parsed(payload)
    expect(events.map((event) => event.kind)).toEqual(['message', 'status'])
    expect((events[1] as StatusEvent).pricing).toBeNull()
    const at = 'entry[0].changes[0].value'
    expect(problems).toHaveLength(5)
    expect(problems[0]).toMatch(new RegExp(`^${escape(at)}\\.messages\\[1\\]\\.id: `))
    expect(problems[1]).toMatch(new RegExp(`^${escape(at)}\\.messages\\[2\\]\\.timestamp: `))
    expect(problems[2]).toMatch(new RegExp(`^${escape(at)}\\.messages\\[3\\]: `))
    expect(problems[3]).toBe(`${at}.statuses[0].status: unknown status "deleted"`)
    expect(problems[4]).toMatch(new RegExp(`^${escape(at)}\\.statuses\\[1\\]\\.pricing: `))
  })

  it('skips a messages change without a phone number id, and says so', () => {
    const payload = fixture('meta_webhook_inbound_image')
    delete firstValue(payload).metadata
    expect(parseWebhook(payload)).toMatchObject({
      ok: true,
      events: [],
      problems: [expect.stringMatching(/^entry\[0\]\.changes\[0\]\.value\.metadata: /)],
    })
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('the envelope', () => {
  it('flattens every entry and change in order, each with the account it came through', () => {
    const image = fixture('meta_webhook_inbound_image')
    const status = fixture('realcapture_webhook_status_read_pmp_free_customer_service')
    const quality = fixture('meta_webhook_phone_number_quality_update')
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        { ...image.entry[0]!, changes: [...image.entry[0]!.changes, ...quality.entry[0]!.changes] },
        status.entry[0]!,
      ],
    }
    const { events, problems } = parsed(payload)
    expect(problems).toEqual([])
    expect(events.map((event) => [event.kind, event.businessAccountId])).toEqual([
      ['message', '102290129340398'],
      ['phoneNumberQuality', '102290129340398'],
      ['status', '239137435940794'],
    ])
  })

  it('reads a thousand statuses in one POST', () => {
    const statuses = Array.from({ length: 1000 }, (_, index) => ({
      id: `wamid.${index}`,
      status: 'delivered',
      timestamp: String(1760659225 + index),
      recipient_id: '6281234567890',
    }))
    const { events, problems } = parsed(messagesWebhook({ statuses }))
    expect(problems).toEqual([])
    expect(events).toHaveLength(1000)
    expect(events[999]).toMatchObject({ wamid: 'wamid.999', statusAt: 1760660224000 })
  })

  it('names a field it does not read instead of dropping it', () => {
    const payload = accountWebhook('calls', { calls: [] })
    expect(onlyEvent(payload)).toEqual({
      kind: 'unhandledChange',
      businessAccountId: '102290129340398',
      field: 'calls',
    })
  })

  it('reads an echo of a photo the owner sent from the phone app', () => {
    const payload = messagesWebhook(
      {
        message_echoes: [
          {
            from: '6281100001111',
            to: '6281234567890',
            id: 'wamid.echo',
            timestamp: '1739321024',
            type: 'image',
            image: { id: 'm1', mime_type: 'image/jpeg' },
          },
        ],
      },
      'smb_message_echoes',
    )
    expect(onlyEvent(payload)).toMatchObject({
      kind: 'messageEcho',
      phoneNumberId: '106540352242922',
      customer: { waId: '6281234567890' },
      content: { type: 'image', media: { id: 'm1' }, caption: null },
    })
  })
})

describe('template and account events', () => {
  it('reads a completed category change', () => {
    const payload = accountWebhook('template_category_update', {
      message_template_id: 278077987957091,
      message_template_name: 'order_update',
      message_template_language: 'id',
      previous_category: 'UTILITY',
      new_category: 'MARKETING',
    })
    expect(onlyEvent(payload)).toEqual({
      kind: 'templateCategory',
      businessAccountId: '102290129340398',
      notifiedAt: 1751247548000,
      templateId: '278077987957091',
      templateName: 'order_update',
      language: 'id',
      stage: 'completed',
      fromCategory: 'utility',
      toCategory: 'marketing',
      effectiveAt: 1751247548000,
    })
  })

  it('reads an approval, where the reason NONE means no reason', () => {
    const payload = accountWebhook('message_template_status_update', {
      event: 'APPROVED',
      message_template_id: 1689556908129835,
      message_template_name: 'abandoned_cart',
      message_template_language: 'id',
      reason: 'NONE',
    })
    expect(onlyEvent(payload)).toMatchObject({
      kind: 'templateStatus',
      status: 'APPROVED',
      reason: null,
      category: null,
      rejection: null,
    })
  })

  it('reads a status it does not know as UNKNOWN', () => {
    const payload = accountWebhook('message_template_status_update', {
      event: 'HIBERNATING',
      message_template_id: '1',
      message_template_name: 'abandoned_cart',
      message_template_language: 'id',
    })
    expect(onlyEvent(payload)).toMatchObject({ status: 'UNKNOWN' })
  })

  it('skips a template update without a template, and says so', () => {
    const payload = accountWebhook('message_template_status_update', { event: 'APPROVED' })
    expect(parsed(payload)).toEqual({
      events: [],
      problems: [expect.stringMatching(/^entry\[0\]\.changes\[0\]\.value\.message_template_id: /)],
      ok: true,
    })
  })

  it.each([
    ['TIER_250', 250],
    ['TIER_2K', 2000],
    ['TIER_100K', 100_000],
    ['TIER_UNLIMITED', 'unlimited'],
    ['TIER_NOT_A_NUMBER', null],
  ])('reads the messaging limit %s as %s customers a day', (tier, customersPerDay) => {
    const payload = accountWebhook('phone_number_quality_update', {
      display_phone_number: '6281100001111',
      event: 'UPGRADE',
      old_limit: 'TIER_50',
      current_limit: tier,
    })
    expect(onlyEvent(payload)).toMatchObject({
      kind: 'phoneNumberQuality',
      currentLimit: tier,
      oldLimit: 'TIER_50',
      customersPerDay,
    })
  })

  it('reads an account violation', () => {
    const payload = accountWebhook('account_update', {
      event: 'ACCOUNT_VIOLATION',
      violation_info: { violation_type: 'SCAM' },
    })
    expect(onlyEvent(payload)).toMatchObject({
      kind: 'accountUpdate',
      event: 'ACCOUNT_VIOLATION',
      volumeTier: null,
      violationType: 'SCAM',
    })
  })
})
