/**
 * The key that makes an event a duplicate: the same message (wamid), the same status of the same
 * message (wamid + status), or for everything else the event itself in canonical form, which the
 * parser derives from the payload alone, so a redelivery yields the same key. Only a SHA-256 of
 * (shop, key) is stored: the relay recognises repeats without keeping ids it does not need.
 */
import { sha256 } from '../crypto/secrets'
import type { WebhookEvent } from '../../src-shared/whatsapp'

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function eventKey(event: WebhookEvent): string {
  switch (event.kind) {
    case 'message':
      return `message:${event.wamid}`
    case 'status':
      return `status:${event.wamid}:${event.status}`
    case 'messageEcho':
      return `echo:${event.wamid}`
    default:
      return `${event.kind}:${canonicalJson(event)}`
  }
}

export function eventKeyDigest(shopId: string, event: WebhookEvent): Buffer {
  return sha256(`${shopId}\u0000${eventKey(event)}`)
}
