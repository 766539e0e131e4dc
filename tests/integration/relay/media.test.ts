/**
 * A quick reply's photo or document, as the desktop sends it: uploaded through the relay's
 * `POST /v1/media` to the emulator's `POST /{phone-number-id}/media` (multipart), then named by
 * its media id in an image or document send through `POST /v1/send`. Refusals come back in the
 * platform's words, and the relay keeps no copy of the file.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ulid } from 'ulid'
import { afterEach, describe, expect, it } from 'vitest'
import { setRelayLogSink } from '../../../src-relay/logger'
import type { SendOutcome } from '../../../src-relay/sending/send-state'
import { mediaUploadAnswerSchema } from '../../../src-shared/relay/device-protocol'
import { buildMediaMessage, type MediaSend } from '../../../src-shared/whatsapp'
import {
  api,
  enrol,
  metaPhoneNumberId,
  readInbox,
  removeTempDirs,
  secrets,
  startPlatform,
  startTestRelay,
  waitFor,
} from './support'

type Platform = Awaited<ReturnType<typeof startPlatform>>
let platform: Platform | undefined

afterEach(async () => {
  setRelayLogSink(null)
  await platform?.close()
  platform = undefined
  removeTempDirs()
})

const customer = '6281234567890'
/** In both files, to find any copy of them the relay might keep. */
const distinctive = 'kedai-berkas-rahasia-9d41c7'

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return (crc ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A real 1x1 PNG with a tEXt chunk carrying the distinctive string after its header. */
function photo(): Buffer {
  const onePixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  )
  const afterHeader = 8 + 25
  const text = pngChunk('tEXt', Buffer.from(`Comment\0${distinctive}`, 'latin1'))
  return Buffer.concat([onePixel.subarray(0, afterHeader), text, onePixel.subarray(afterHeader)])
}

/** A small PDF whose one page says the distinctive string. */
function priceList(): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >> endobj',
      `4 0 obj << /Length 44 >> stream\nBT /F1 12 Tf 10 50 Td (${distinctive}) Tj ET\nendstream endobj`,
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
    'latin1',
  )
}

async function upload(body: unknown, token = platform!.device.deviceToken): Promise<Response> {
  return api(platform!.relay, token).post('/v1/media', body)
}

async function send(clientId: string, input: MediaSend): Promise<SendOutcome> {
  const built = buildMediaMessage(input)
  if (!built.ok) throw new Error(built.message)
  return sendBody(clientId, built.body as unknown as Record<string, unknown>)
}

async function sendBody(clientId: string, message: Record<string, unknown>): Promise<SendOutcome> {
  const response = await api(platform!.relay, platform!.device.deviceToken).post('/v1/send', {
    clientId,
    message,
  })
  expect(response.status).toBe(200)
  return (await response.json()) as SendOutcome
}

async function settled(clientId: string, state: SendOutcome['state']): Promise<SendOutcome> {
  return waitFor(async () => {
    const response = await api(platform!.relay, platform!.device.deviceToken).get(
      `/v1/send/${clientId}`,
    )
    const outcome = (await response.json()) as SendOutcome
    return outcome.state === state ? outcome : undefined
  }, `${clientId} ${state}`)
}

async function deliveredIn(clientId: string) {
  return waitFor(async () => {
    const { events } = await readInbox(platform!.relay, platform!.device)
    return events.find(
      (event) =>
        event.kind === 'status' &&
        event.status === 'delivered' &&
        event.bizOpaqueCallbackData === clientId,
    )
  }, `the delivered status of ${clientId}`)
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('a photo or document for a quick reply', () => {
  it('is uploaded through the relay, sent by its media id, delivered, and left nowhere on the relay', async () => {
    let logged = ''
    setRelayLogSink((line) => (logged += `${line}\n`))
    platform = await startPlatform()
    const { emulator, relay, device, dataDir } = platform
    await emulator.customerWrites({ from: customer, message: 'Kak, ada foto motifnya?' })

    const png = photo()
    const photoAnswer = await upload({
      mimeType: 'image/png',
      fileName: 'batik-parang.png',
      data: png.toString('base64'),
    })
    expect(photoAnswer.status).toBe(200)
    const { mediaId: photoId } = mediaUploadAnswerSchema.parse(await photoAnswer.json())
    expect(emulator.uploadedMedia()).toEqual([
      {
        id: photoId,
        mimeType: 'image/png',
        size: png.length,
        fileName: 'batik-parang.png',
        sha256: createHash('sha256').update(png).digest('hex'),
      },
    ])

    const photoSend = ulid()
    const photoOutcome = await send(photoSend, {
      to: `+${customer}`,
      kind: 'image',
      mediaId: photoId,
      caption: 'Motif parang, ready ukuran M dan L',
    })
    expect(photoOutcome).toMatchObject({ clientId: photoSend, state: 'sent' })
    expect(await deliveredIn(photoSend)).toMatchObject({
      wamid: (photoOutcome as { wamid: string }).wamid,
      pricing: { category: 'service', billable: false },
    })

    const pdf = priceList()
    const documentAnswer = await upload({
      mimeType: 'application/pdf',
      fileName: 'daftar-harga.pdf',
      data: pdf.toString('base64'),
    })
    expect(documentAnswer.status).toBe(200)
    const { mediaId: documentId } = mediaUploadAnswerSchema.parse(await documentAnswer.json())
    expect(documentId).not.toBe(photoId)
    expect(emulator.uploadedMedia()[1]).toMatchObject({
      id: documentId,
      mimeType: 'application/pdf',
      size: pdf.length,
      fileName: 'daftar-harga.pdf',
    })
    const documentSend = ulid()
    expect(
      await send(documentSend, {
        to: `+${customer}`,
        kind: 'document',
        mediaId: documentId,
        fileName: 'Daftar harga Juni.pdf',
      }),
    ).toMatchObject({ state: 'sent' })
    await deliveredIn(documentSend)

    const sent = emulator.sentMessages()
    expect(sent.map((message) => [message.type, message.category])).toEqual([
      ['image', 'service'],
      ['document', 'service'],
    ])
    expect(sent[0]!.body.image).toEqual({
      id: photoId,
      caption: 'Motif parang, ready ukuran M dan L',
    })
    expect(sent[1]!.body.document).toEqual({ id: documentId, filename: 'Daftar harga Juni.pdf' })

    await emulator.idle()
    await relay.idle()
    const copies = (bytes: Buffer) =>
      [
        Buffer.from(distinctive, 'latin1'),
        Buffer.from(distinctive, 'utf16le'),
        Buffer.from(png.toString('base64').slice(40, 80), 'latin1'),
        Buffer.from(pdf.toString('base64').slice(40, 80), 'latin1'),
      ].some((form) => bytes.includes(form))
    const kept = filesUnder(dataDir).filter((file) => copies(readFileSync(file)))
    expect(kept).toEqual([])
    await platform.close()
    platform = undefined
    expect(filesUnder(dataDir).filter((file) => copies(readFileSync(file)))).toEqual([])
    // The log names sizes and ids, never the file, its name or a token.
    expect(logged).toContain(`uploaded ${png.length} bytes as media ${photoId}`)
    expect(copies(Buffer.from(logged))).toBe(false)
    expect(logged).not.toContain('batik-parang')
    expect(logged).not.toContain('daftar-harga')
    expect(logged).not.toContain(secrets.accessToken)
    expect(logged).not.toContain(device.deviceToken)
  })

  it('fails a send naming a media id the platform never issued with 131053', async () => {
    platform = await startPlatform()
    await platform.emulator.customerWrites({ from: customer, message: 'Halo' })
    const clientId = ulid()
    const first = await send(clientId, {
      to: `+${customer}`,
      kind: 'image',
      mediaId: '123456789012345',
    })
    expect(first.state).toBe('sent')
    expect(await settled(clientId, 'failed')).toMatchObject({
      error: { code: 131053, message: 'Media upload error' },
    })
  })

  it('keeps the window rules of free text: a photo to a customer silent for 30 hours fails with 131047', async () => {
    platform = await startPlatform()
    const { emulator } = platform
    await emulator.customerWrites({
      from: customer,
      message: 'Masih ada?',
      at: Date.now() - 30 * 3600_000,
    })
    const answer = await upload({
      mimeType: 'image/png',
      fileName: 'foto.png',
      data: photo().toString('base64'),
    })
    const { mediaId } = mediaUploadAnswerSchema.parse(await answer.json())
    const clientId = ulid()
    await send(clientId, { to: `+${customer}`, kind: 'image', mediaId })
    expect(await settled(clientId, 'failed')).toMatchObject({
      error: { code: 131047, reason: 'windowClosed' },
    })
  })

  it('refuses a caption over 1,024 characters at once, as the platform does', async () => {
    platform = await startPlatform()
    await platform.emulator.customerWrites({ from: customer, message: 'Halo' })
    const answer = await upload({
      mimeType: 'image/png',
      fileName: 'foto.png',
      data: photo().toString('base64'),
    })
    const { mediaId } = mediaUploadAnswerSchema.parse(await answer.json())
    const built = buildMediaMessage({ to: `+${customer}`, kind: 'image', mediaId, caption: 'ok' })
    if (!built.ok) throw new Error(built.message)
    const long = { ...built.body, image: { id: mediaId, caption: 'a'.repeat(1025) } }
    const outcome = await sendBody(ulid(), long)
    expect(outcome).toMatchObject({ state: 'failed', error: { code: 100 } })
    expect(platform.emulator.sentMessages()).toEqual([])
  })
})

describe('an upload the relay or the platform refuses', () => {
  it('needs a device token', async () => {
    platform = await startPlatform()
    const response = await fetch(`${platform.relay.url}/v1/media`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mimeType: 'image/png', fileName: 'a.png', data: 'AAAA' }),
    })
    expect(response.status).toBe(401)
    expect(
      (await upload({ mimeType: 'image/png', fileName: 'a.png', data: 'AAAA' }, 'not-a-token'))
        .status,
    ).toBe(401)
    expect(platform.emulator.uploadedMedia()).toEqual([])
  })

  it('answers 400 INVALID_INPUT for malformed base64, a missing field or an extra one', async () => {
    platform = await startPlatform()
    for (const body of [
      { mimeType: 'image/png', fileName: 'a.png', data: 'not base64!' },
      { mimeType: 'image/png', fileName: 'a.png', data: 'QUJD=' },
      { mimeType: 'image/png', fileName: 'a.png', data: '' },
      { mimeType: 'image/png', data: 'AAAA' },
      { mimeType: 'a png', fileName: 'a.png', data: 'AAAA' },
      { mimeType: 'image/png', fileName: 'a.png', data: 'AAAA', path: '/tmp/a.png' },
    ]) {
      const response = await upload(body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      const answer = (await response.json()) as { error: { code: string; message: string } }
      expect(answer.error.code).toBe('INVALID_INPUT')
    }
    const bad = (await (
      await upload({ mimeType: 'image/png', fileName: 'a.png', data: 'not base64!' })
    ).json()) as { error: { message: string } }
    expect(bad.error.message).toBe('data: not base64')
    expect(platform.emulator.uploadedMedia()).toEqual([])
  })

  it('passes on the platform’s refusal of a GIF and of a photo over 5 MB as PLATFORM_REFUSED', async () => {
    platform = await startPlatform()
    const gif = await upload({
      mimeType: 'image/gif',
      fileName: 'animasi.gif',
      data: Buffer.from('GIF89a').toString('base64'),
    })
    expect(gif.status).toBe(422)
    const gifAnswer = (await gif.json()) as { error: { code: string; message: string } }
    expect(gifAnswer.error.code).toBe('PLATFORM_REFUSED')
    expect(gifAnswer.error.message).toContain("Received file of type 'image/gif'")

    const large = await upload({
      mimeType: 'image/jpeg',
      fileName: 'besar.jpg',
      data: Buffer.alloc(5 * 1024 * 1024 + 1, 0xff).toString('base64'),
    })
    expect(large.status).toBe(422)
    const largeAnswer = (await large.json()) as { error: { code: string; message: string } }
    expect(largeAnswer.error).toEqual({
      code: 'PLATFORM_REFUSED',
      message: 'Param file is 5242881 bytes; an image may have at most 5242880 bytes.',
    })
    expect(platform.emulator.uploadedMedia()).toEqual([])
  })

  it('takes a 16 MB document, refuses a larger body with 413, and keeps other routes at their own limit', async () => {
    platform = await startPlatform()
    const sixteen = Buffer.alloc(16 * 1024 * 1024, 0x25)
    const taken = await upload({
      mimeType: 'application/pdf',
      fileName: 'katalog.pdf',
      data: sixteen.toString('base64'),
    })
    expect(taken.status).toBe(200)
    expect(platform.emulator.uploadedMedia()[0]).toMatchObject({ size: sixteen.length })

    const tooMuch = await upload({
      mimeType: 'application/pdf',
      fileName: 'katalog.pdf',
      data: Buffer.alloc(16 * 1024 * 1024 + 3, 0x25).toString('base64'),
    })
    expect(tooMuch.status).toBe(400)
    const body = JSON.stringify({
      mimeType: 'application/pdf',
      fileName: 'x.pdf',
      data: 'A'.repeat(24 * 1024 * 1024),
    })
    const refused = await fetch(`${platform.relay.url}/v1/media`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${platform.device.deviceToken}`,
        'content-type': 'application/json',
      },
      body,
    })
    expect(refused.status).toBe(413)

    const bigSend = await api(platform.relay, platform.device.deviceToken).post('/v1/send', {
      clientId: ulid(),
      message: {
        messaging_product: 'whatsapp',
        to: customer,
        type: 'text',
        text: { body: 'x'.repeat(300 * 1024) },
      },
    })
    expect(bigSend.status).toBe(413)
  })

  it('answers 504 PLATFORM_NO_ANSWER when the platform cannot be reached', async () => {
    const { relay } = await startTestRelay({ graphUrl: 'http://127.0.0.1:9' })
    try {
      const device = await enrol(relay)
      const response = await api(relay, device.deviceToken).post('/v1/media', {
        mimeType: 'image/png',
        fileName: 'foto.png',
        data: photo().toString('base64'),
      })
      expect(response.status).toBe(504)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'PLATFORM_NO_ANSWER',
      )
    } finally {
      await relay.close()
    }
  })
})

describe('the emulator’s media endpoint, called directly', () => {
  it('checks the token, the number and every field of the form, as the platform does', async () => {
    platform = await startPlatform()
    const { emulator } = platform
    const form = (fields: { type?: string; product?: string; file?: Blob | string }) => {
      const body = new FormData()
      if (fields.product !== undefined) body.append('messaging_product', fields.product)
      if (fields.type !== undefined) body.append('type', fields.type)
      if (fields.file !== undefined) {
        if (typeof fields.file === 'string') body.append('file', fields.file)
        else body.append('file', fields.file, 'foto.png')
      }
      return body
    }
    const png = new Blob([new Uint8Array(photo())], { type: 'image/png' })
    const post = async (
      body: FormData,
      token = secrets.accessToken,
      number = metaPhoneNumberId,
    ) => {
      const response = await fetch(`${emulator.url}/v24.0/${number}/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body,
      })
      return {
        status: response.status,
        body: (await response.json()) as {
          id?: string
          error?: { code: number; error_user_msg?: string }
        },
      }
    }
    const good = { product: 'whatsapp', type: 'image/png', file: png }
    expect((await post(form(good), 'wrong-token')).body.error?.code).toBe(190)
    expect((await post(form(good), secrets.accessToken, '999')).body.error?.code).toBe(100)
    for (const [fields, says] of [
      [{ ...good, product: undefined }, 'messaging_product'],
      [{ ...good, type: undefined }, 'Param type is required.'],
      [{ ...good, file: undefined }, 'Param file must be a file.'],
      [{ ...good, file: 'not a file' }, 'Param file must be a file.'],
      [{ ...good, file: new Blob([], { type: 'image/png' }) }, 'Param file is empty.'],
      [{ ...good, type: 'video/mp4' }, "Received file of type 'video/mp4'"],
    ] as const) {
      const answer = await post(form(fields))
      expect(answer.status).toBe(400)
      expect(answer.body.error?.code).toBe(100)
      expect(answer.body.error?.error_user_msg).toContain(says)
    }
    const notMultipart = await fetch(`${emulator.url}/v24.0/${metaPhoneNumberId}/media`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secrets.accessToken}`,
        'content-type': 'application/json',
      },
      body: '{}',
    })
    expect(notMultipart.status).toBe(400)
    expect(emulator.uploadedMedia()).toEqual([])
    const taken = await post(form(good))
    expect(taken.status).toBe(200)
    expect(emulator.uploadedMedia().map((media) => media.id)).toEqual([taken.body.id])
  })
})
