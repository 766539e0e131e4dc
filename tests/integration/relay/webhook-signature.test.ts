/**
 * The webhook's gate, over real HTTP: only bodies signed with the app secret over their exact
 * bytes get in; anything else is refused and leaves nothing behind. And the GET handshake.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Relay } from '../../../src-relay/relay/start-relay'
import { signBody } from '../../../src-relay/webhook/signature'
import {
  enrol,
  postWebhook,
  readInbox,
  removeTempDirs,
  startTestRelay,
  textWebhook,
  type Device,
} from './support'

let relay: Relay
let device: Device

beforeEach(async () => {
  ;({ relay } = await startTestRelay())
  device = await enrol(relay)
})

afterEach(async () => {
  await relay.close()
  removeTempDirs()
})

const body = textWebhook({ wamid: 'wamid.sig-1', body: 'Kak, masih ready?' })

describe('X-Hub-Signature-256 over the raw body', () => {
  it('accepts a valid signature and stores the event', async () => {
    const response = await postWebhook(relay, body)
    expect(response.status).toBe(200)
    const { events } = await readInbox(relay, device)
    expect(events).toHaveLength(1)
  })

  it('refuses a body with one byte changed after signing, and stores nothing', async () => {
    const bytes = Buffer.from(body, 'utf8')
    const signature = signBody(bytes, 'test-app-secret-4f9a')
    const tampered = Buffer.from(bytes)
    const at = tampered.indexOf('ready')
    tampered[at] = 'R'.charCodeAt(0)
    const response = await postWebhook(relay, tampered, { signature })
    expect(response.status).toBe(403)
    expect((await readInbox(relay, device)).items).toEqual([])
  })

  it('refuses a body signed with another secret', async () => {
    const response = await postWebhook(relay, body, { secret: 'not-the-app-secret' })
    expect(response.status).toBe(403)
    expect((await readInbox(relay, device)).items).toEqual([])
  })

  it('refuses a body without the header, and a malformed header', async () => {
    expect((await postWebhook(relay, body, { signature: null })).status).toBe(401)
    expect((await postWebhook(relay, body, { signature: 'sha1=abc' })).status).toBe(403)
    expect((await postWebhook(relay, body, { signature: 'sha256=zz' })).status).toBe(403)
    expect((await readInbox(relay, device)).items).toEqual([])
  })

  it('checks non-ASCII text (Indonesian, emoji) over the bytes as sent, not re-serialised JSON', async () => {
    const text = 'Kak, kemeja batiknya ready? 🙏🏽 Terima kasih ✨ — “ukuran M”'
    // Pretty-printed with the platform's escapes kept as they are: re-serialising would change the bytes.
    const raw = textWebhook({ wamid: 'wamid.sig-2', body: text }).replace(
      '"messaging_product"',
      ' "messaging_product"',
    )
    const response = await postWebhook(relay, raw)
    expect(response.status).toBe(200)
    const { events } = await readInbox(relay, device)
    expect(events[0]).toMatchObject({ kind: 'message', content: { type: 'text', body: text } })

    // A signature computed over the re-serialised JSON does not match the bytes that came.
    const reserialised = signBody(JSON.stringify(JSON.parse(raw)), 'test-app-secret-4f9a')
    expect(reserialised).not.toBe(signBody(raw, 'test-app-secret-4f9a'))
    const refused = await postWebhook(relay, raw, { signature: reserialised })
    expect(refused.status).toBe(403)
  })

  it('does not let an escaped variant of the same text pass on the other one’s signature', async () => {
    const text = 'Sambal roa 🌶️'
    const escaped = textWebhook({ wamid: 'wamid.sig-4', body: text }).replace(
      JSON.stringify(text).slice(1, -1),
      '\\u0053ambal roa \\ud83c\\udf36\\ufe0f',
    )
    expect(JSON.parse(escaped)).toEqual(
      JSON.parse(textWebhook({ wamid: 'wamid.sig-4', body: text })),
    )
    const signatureOfPlain = signBody(
      textWebhook({ wamid: 'wamid.sig-4', body: text }),
      'test-app-secret-4f9a',
    )
    expect((await postWebhook(relay, escaped, { signature: signatureOfPlain })).status).toBe(403)
    expect((await postWebhook(relay, escaped)).status).toBe(200)
  })
})

describe('GET /webhook verification handshake', () => {
  const get = (query: string) => fetch(`${relay.webhookUrl}?${query}`)

  it('answers the challenge when the mode is subscribe and the token matches', async () => {
    const response = await get(
      'hub.mode=subscribe&hub.verify_token=test-verify-token-77&hub.challenge=1158201444',
    )
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('1158201444')
  })

  it('refuses a wrong token, a wrong mode and a missing challenge', async () => {
    const wrongToken = await get(
      'hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444',
    )
    expect(wrongToken.status).toBe(403)
    expect(await wrongToken.text()).not.toContain('1158201444')
    expect(
      (await get('hub.mode=unsubscribe&hub.verify_token=test-verify-token-77&hub.challenge=1'))
        .status,
    ).toBe(403)
    expect((await get('hub.mode=subscribe&hub.verify_token=test-verify-token-77')).status).toBe(403)
  })
})
