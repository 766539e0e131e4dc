/**
 * Every real payload in ../shared/fixtures/whatsapp: webhooks, errors and answers parse to the
 * golden file checked by hand in tests/fixtures/whatsapp-golden; send requests are reproduced
 * by the builders, byte for byte. A new fixture without an expectation fails the suite.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  buildMarkAsRead,
  buildReplyButtonsMessage,
  buildTemplateMessage,
  buildTextMessage,
  parsePlatformError,
  parseSendResponse,
  parseWebhook,
  type SendBuild,
} from '../../../src-shared/whatsapp'

const fixtureDir = resolve(__dirname, '../../../../shared/fixtures/whatsapp')
const goldenDir = resolve(__dirname, '../../fixtures/whatsapp-golden')

const fixtureNames = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.json'))
  .sort()

function readJson(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'))
}

/** What each send-request fixture is built from, in the words core will use. */
const sendRequests: Record<string, () => SendBuild<unknown>> = {
  'meta_send_text_request.json': () =>
    buildTextMessage({
      to: '+16505551234',
      previewUrl: true,
      body: "As requested, here's the link to our latest product: https://www.meta.com/quest/quest-3/",
    }),
  'meta_send_interactive_reply_buttons_request.json': () =>
    buildReplyButtonsMessage({
      to: '+16505551234',
      header: { type: 'image', media: { id: '2762702990552401' } },
      body: 'Hi Pablo! Your gardening workshop is scheduled for 9am tomorrow. Use the buttons if you need to reschedule. Thank you!',
      footer: 'Lucky Shrub: Your gateway to succulents!TM',
      buttons: [
        { id: 'change-button', title: 'Change' },
        { id: 'cancel-button', title: 'Cancel' },
      ],
    }),
  'meta_send_template_utility_request.json': () =>
    buildTemplateMessage({
      to: '16505551234',
      name: 'reservation_confirmation',
      language: 'en_US',
      header: { type: 'image', media: { id: '2871834006348767' } },
      body: {
        number_of_guests: '4',
        day: 'Saturday',
        date: 'August 30th, 2025',
        time: '7:30 pm',
      },
    }),
  'meta_mark_as_read_request.json': () =>
    buildMarkAsRead({ wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA' }),
}

function parseFixture(name: string, payload: unknown): unknown {
  if (name.includes('_webhook_')) return parseWebhook(payload)
  if (name.includes('_response.json') && !name.includes('error')) return parseSendResponse(payload)
  if (name.includes('error')) return parsePlatformError(payload)
  throw new Error(`no parser for ${name}`)
}

describe('the real WhatsApp payloads', () => {
  it('are all there and each has an expectation', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(30)
    const golden = new Set(readdirSync(goldenDir))
    const without = fixtureNames.filter((name) => !golden.has(name) && !(name in sendRequests))
    expect(without).toEqual([])
  })

  const parsed = fixtureNames.filter((name) => !(name in sendRequests))
  it.each(parsed)('%s parses to its golden file', (name) => {
    const result = parseFixture(name, readJson(fixtureDir, name))
    expect(result).toStrictEqual(readJson(goldenDir, name))
  })

  it.each(parsed.filter((name) => name.includes('_webhook_')))(
    '%s parses without a problem',
    (name) => {
      const result = parseWebhook(readJson(fixtureDir, name))
      expect(result.ok && result.problems).toEqual([])
    },
  )

  it.each(Object.entries(sendRequests))(
    '%s is what the builder sends, byte for byte',
    (name, build) => {
      const built = build()
      expect(built.ok).toBe(true)
      const fixture = readJson(fixtureDir, name)
      if (!built.ok) return
      expect(built.body).toStrictEqual(fixture)
      expect(JSON.stringify(built.body)).toBe(JSON.stringify(fixture))
    },
  )
})
