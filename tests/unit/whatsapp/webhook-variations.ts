/** Variations of the real payloads, built in code so each test shows the one thing it changes. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const fixtureDir = resolve(__dirname, '../../../../shared/fixtures/whatsapp')

type Wire = Record<string, unknown>

export interface WireWebhook {
  object: string
  entry: { id: string; time?: number; changes: { field: string; value: Wire }[] }[]
}

/** A fresh copy of a fixture, safe to change. */
export function fixture(name: string): WireWebhook {
  return JSON.parse(readFileSync(resolve(fixtureDir, `${name}.json`), 'utf8')) as WireWebhook
}

export function firstValue(webhook: WireWebhook): Wire {
  const value = webhook.entry[0]?.changes[0]?.value
  if (!value) throw new Error('the fixture has no first change')
  return value
}

/** The first item of `value[list]` (messages, statuses, contacts, message_echoes). */
export function firstItem(webhook: WireWebhook, list: string): Wire {
  const items = firstValue(webhook)[list]
  if (!Array.isArray(items) || items.length === 0) throw new Error(`the fixture has no ${list}`)
  return items[0] as Wire
}

/** A `messages` change around the given value parts, as Meta sends them. */
export function messagesWebhook(value: Wire, field = 'messages'): WireWebhook {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field,
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: '6281100001111',
                phone_number_id: '106540352242922',
              },
              ...value,
            },
          },
        ],
      },
    ],
  }
}

/** A change that is not about messages (templates, account), with its entry time. */
export function accountWebhook(field: string, value: Wire): WireWebhook {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', time: 1751247548, changes: [{ field, value }] }],
  }
}

export const sheena = { profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }

/** A customer message of the given type, with its typed part. */
export function inbound(type: string, typed: Wire): Wire {
  return { from: '16505551234', id: `wamid.${type}`, timestamp: '1744344496', type, ...typed }
}
