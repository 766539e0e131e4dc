import { describe, expect, it } from 'vitest'
import { parseWebhook, type WebhookEvent } from '../../../src-shared/whatsapp'
import { eventKey, eventKeyDigest } from '../../../src-relay/webhook/event-key'
import { fixtureBytes } from '../../integration/relay/support'

function eventsOf(name: string): WebhookEvent[] {
  const parsed = parseWebhook(JSON.parse(fixtureBytes(name).toString('utf8')))
  if (!parsed.ok) throw new Error(name)
  return parsed.events
}

describe('event keys', () => {
  it('name a message by its wamid and a status by wamid and status', () => {
    const [message] = eventsOf('meta_webhook_inbound_image.json')
    expect(eventKey(message!)).toMatch(/^message:wamid\./)
    const [status] = eventsOf('meta_webhook_status_sent_marketing_pmp.json')
    expect(eventKey(status!)).toMatch(/^status:wamid\..+:sent$/)
    const read = {
      ...(status as Extract<WebhookEvent, { kind: 'status' }>),
      status: 'read' as const,
    }
    expect(eventKey(read)).not.toBe(eventKey(status!))
  })

  it('give other events a key from their content that does not depend on field order', () => {
    const [template] = eventsOf('pywa_webhook_template_status_update_rejected.json')
    const reordered = Object.fromEntries(Object.entries(template!).reverse()) as WebhookEvent
    expect(eventKey(reordered)).toBe(eventKey(template!))
    expect(eventKey(template!)).toMatch(/^templateStatus:/)
    const [quality] = eventsOf('meta_webhook_phone_number_quality_update.json')
    expect(eventKey(quality!)).not.toBe(eventKey(template!))
  })

  it('are digested per shop, so the same event is new to each shop once', () => {
    const [message] = eventsOf('meta_webhook_inbound_image.json')
    expect(eventKeyDigest('shop-a', message!)).toEqual(eventKeyDigest('shop-a', message!))
    expect(eventKeyDigest('shop-a', message!)).not.toEqual(eventKeyDigest('shop-b', message!))
    expect(eventKeyDigest('shop-a', message!)).toHaveLength(32)
  })
})
