/**
 * The webhook parser: one POST body from the Cloud API in, a flat list of events out. It never
 * throws. A body whose envelope is broken is refused whole, with the reason; inside a sound
 * envelope, an item that cannot be read is skipped and named in `problems`, so one odd message
 * never costs the other 999 of a batch. Unknown fields are ignored. The signature is checked
 * before this, on the raw bytes, by the relay.
 */
import { z } from 'zod'
import { readAccountUpdate, readPhoneNumberQuality } from './account-events'
import type { ChangeRead, EntryRoute, ItemRead } from './change-reading'
import { readContacts, type Customer } from './customer'
import { readInboundMessage } from './inbound-message'
import { readMessageEcho } from './message-echo'
import { readMessageStatus } from './message-status'
import { readErrorList } from './platform-error'
import { readTemplateCategory, readTemplateStatus } from './template-events'
import type { PhoneNumberRoute, WebhookEvent } from './webhook-events'
import { describeIssue, epochSecondsAsMillis, graphId, isRecord, textOrNull } from './wire-values'

export const webhookRejections = [
  'notJson',
  'notAnObject',
  'wrongObject',
  'missingEntry',
  'malformedEntry',
  'malformedChange',
] as const
export type WebhookRejection = (typeof webhookRejections)[number]

export type WebhookParse =
  | { ok: true; events: WebhookEvent[]; problems: string[] }
  | { ok: false; reason: WebhookRejection; message: string }

const businessAccountObject = 'whatsapp_business_account'

interface Change {
  entry: EntryRoute
  field: string
  value: Record<string, unknown>
  path: string
}

const wireMetadata = z.object({
  phone_number_id: z.string().min(1),
  display_phone_number: z.string().optional(),
})

/** Parses the text of a webhook body, as the relay has it after checking the signature. */
export function parseWebhookText(text: string): WebhookParse {
  let payload: unknown
  try {
    payload = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: 'notJson', message: `the body is not JSON: ${detail}` }
  }
  return parseWebhook(payload)
}

/** Parses a webhook body already decoded from JSON. */
export function parseWebhook(payload: unknown): WebhookParse {
  const envelope = readEnvelope(payload)
  if (!envelope.ok) return envelope
  const events: WebhookEvent[] = []
  const problems: string[] = []
  for (const change of envelope.changes) readChange(change, events, problems)
  return { ok: true, events, problems }
}

/** Checks the whole envelope before reading anything, so a broken one yields no events at all. */
function readEnvelope(
  payload: unknown,
): { ok: true; changes: Change[] } | { ok: false; reason: WebhookRejection; message: string } {
  if (!isRecord(payload)) {
    return { ok: false, reason: 'notAnObject', message: 'the body is not a JSON object' }
  }
  if (payload.object !== businessAccountObject) {
    return {
      ok: false,
      reason: 'wrongObject',
      message: `object is ${JSON.stringify(payload.object) ?? 'missing'}, expected "${businessAccountObject}"`,
    }
  }
  if (!Array.isArray(payload.entry)) {
    return { ok: false, reason: 'missingEntry', message: 'entry is missing or not a list' }
  }
  const changes: Change[] = []
  for (const [entryIndex, entry] of payload.entry.entries()) {
    const entryPath = `entry[${entryIndex}]`
    if (!isRecord(entry)) {
      return { ok: false, reason: 'malformedEntry', message: `${entryPath}: not an object` }
    }
    const id = graphId.safeParse(entry.id)
    if (!id.success) {
      return {
        ok: false,
        reason: 'malformedEntry',
        message: describeIssue(`${entryPath}.id`, id.error),
      }
    }
    if (!Array.isArray(entry.changes)) {
      return {
        ok: false,
        reason: 'malformedEntry',
        message: `${entryPath}.changes: missing or not a list`,
      }
    }
    const time = epochSecondsAsMillis.safeParse(entry.time)
    const route: EntryRoute = {
      businessAccountId: id.data,
      notifiedAt: time.success ? time.data : null,
    }
    for (const [changeIndex, change] of entry.changes.entries()) {
      const path = `${entryPath}.changes[${changeIndex}]`
      if (!isRecord(change)) {
        return { ok: false, reason: 'malformedChange', message: `${path}: not an object` }
      }
      if (typeof change.field !== 'string' || change.field === '') {
        return { ok: false, reason: 'malformedChange', message: `${path}.field: missing` }
      }
      if (!isRecord(change.value)) {
        return { ok: false, reason: 'malformedChange', message: `${path}.value: not an object` }
      }
      changes.push({ entry: route, field: change.field, value: change.value, path })
    }
  }
  return { ok: true, changes }
}

function readChange(change: Change, events: WebhookEvent[], problems: string[]): void {
  const base = `${change.path}.value`
  const one = <T extends WebhookEvent>(read: ChangeRead<T>): void => {
    if (read.ok) events.push(read.event)
    else problems.push(read.problem)
  }
  switch (change.field) {
    case 'messages':
    case 'smb_message_echoes':
      readMessagingChange(change, events, problems)
      return
    case 'message_template_status_update':
      one(readTemplateStatus(change.value, base, change.entry))
      return
    case 'template_category_update':
      one(readTemplateCategory(change.value, base, change.entry))
      return
    case 'phone_number_quality_update':
      one(readPhoneNumberQuality(change.value, base, change.entry))
      return
    case 'account_update':
      one(readAccountUpdate(change.value, base, change.entry))
      return
    default:
      events.push({
        kind: 'unhandledChange',
        businessAccountId: change.entry.businessAccountId,
        field: change.field,
      })
  }
}

type ItemReader = (
  raw: unknown,
  base: string,
  route: PhoneNumberRoute,
  contacts: readonly Customer[],
) => ItemRead<WebhookEvent>

/** Both `messages` and `smb_message_echoes` carry `metadata` naming the phone number. */
function readMessagingChange(change: Change, events: WebhookEvent[], problems: string[]): void {
  const base = `${change.path}.value`
  const metadata = wireMetadata.safeParse(change.value.metadata)
  if (!metadata.success) {
    problems.push(describeIssue(`${base}.metadata`, metadata.error))
    return
  }
  const route: PhoneNumberRoute = {
    businessAccountId: change.entry.businessAccountId,
    phoneNumberId: metadata.data.phone_number_id,
    displayPhoneNumber: textOrNull(metadata.data.display_phone_number),
  }
  const contacts = readContacts(change.value.contacts, `${base}.contacts`)
  problems.push(...contacts.problems)

  const readList = (key: string, reader: ItemReader): void => {
    const list = change.value[key]
    if (list === undefined) return
    if (!Array.isArray(list)) {
      problems.push(`${base}.${key}: not a list`)
      return
    }
    list.forEach((item, index) => {
      const read = reader(item, `${base}.${key}[${index}]`, route, contacts.contacts)
      if (read.event) events.push(read.event)
      problems.push(...read.problems)
    })
  }

  if (change.field === 'smb_message_echoes') {
    readList('message_echoes', readMessageEcho)
    return
  }
  readList('messages', readInboundMessage)
  readList('statuses', readMessageStatus)
  const errors = readErrorList(change.value.errors, `${base}.errors`)
  problems.push(...errors.problems)
  for (const error of errors.errors) events.push({ kind: 'platformError', ...route, error })
}
