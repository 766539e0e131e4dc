/**
 * A quick reply with a photo or a document, for real: a desktop core enrolled with a relay and
 * the Cloud API emulator on 127.0.0.1. The file is sealed in the vault when attached (nothing of
 * it readable in the shop's files), goes to the platform only when the reply is sent (uploaded
 * through the relay, then named by its media id), survives an offline queue, and is sent once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src-main/core/core'
import { startEmulator } from '../../../src-relay/emulator/start-emulator'
import { startRelay, type Relay } from '../../../src-relay/relay/start-relay'
import { eventually } from '../../support/eventually'
import { fastKdf, passphrase } from '../../support/vault'
import { conversationOf, refusal } from '../../support/core-calls'

const secrets = { appSecret: 'app-secret', verifyToken: 'verify', accessToken: 'access-token' }
const phoneNumberId = '100200300400600'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A real 1x1 PNG with a text chunk carrying a marker, so its bytes can be looked for. */
const marker = 'KEDAI-PRICE-LIST-PHOTO-7731'
function pngWithMarker(): Buffer {
  const onePixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  )
  const text = Buffer.from(`Comment\u0000${marker}`, 'latin1')
  const chunk = Buffer.alloc(12 + text.length)
  chunk.writeUInt32BE(text.length, 0)
  chunk.write('tEXt', 4, 'latin1')
  text.copy(chunk, 8)
  // The CRC is not checked by anyone here; a zero keeps the file a well-formed sequence of chunks.
  const end = onePixel.length - 12
  return Buffer.concat([onePixel.subarray(0, end), chunk, onePixel.subarray(end)])
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

async function startWorld() {
  const relayDir = mkdtempSync(join(tmpdir(), 'kedai-att-relay-'))
  const coreDir = mkdtempSync(join(tmpdir(), 'kedai-att-core-'))
  cleanups.push(() => {
    rmSync(relayDir, { recursive: true, force: true })
    rmSync(coreDir, { recursive: true, force: true })
  })
  const emulator = await startEmulator({ ...secrets, phoneNumberId, seed: 21 })
  cleanups.push(() => emulator.close())
  const relayOptions = { ...secrets, dataDir: relayDir, phoneNumberId, graphUrl: emulator.url }
  const world: { relay: Relay } = { relay: await startRelay(relayOptions) }
  cleanups.push(() => world.relay.close())
  emulator.setWebhookUrl(world.relay.webhookUrl)
  const core = await createCore({
    dataDir: coreDir,
    shell: 'browser',
    kdf: fastKdf,
    linkPollMs: 250,
  })
  cleanups.push(() => core.close())
  await core.handlers['vault.create']({ shopName: 'Toko Foto', passphrase })
  const invite = await world.relay.createInvite()
  await core.handlers['link.enrol']({ relayUrl: world.relay.url, code: invite.code })
  /** The relay goes away and comes back on the same port, as after a restart. */
  async function restartRelay(whileAway: () => Promise<void>) {
    const port = world.relay.port
    await world.relay.close()
    await whileAway()
    world.relay = await startRelay({ ...relayOptions, port })
    emulator.setWebhookUrl(world.relay.webhookUrl)
  }
  return { core, emulator, coreDir, restartRelay }
}

async function deliveredMessage(core: Core, conversationId: string, clientId: string) {
  return eventually(async () => {
    const message = (await core.handlers['inbox.messages']({ conversationId, limit: 50 })).find(
      (item) => item.clientId === clientId,
    )
    if (!message || !['delivered', 'read'].includes(message.status)) {
      throw new Error(`reply is ${message?.status}`)
    }
    return message
  })
}

describe('quick replies with a photo or a document', () => {
  it('seals the file, uploads it when the reply goes, and sends it once with its caption', async () => {
    const { core, emulator, coreDir } = await startWorld()
    await emulator.customerWrites({ from: '+6281234500071', name: 'Rina', message: 'Harga?' })
    const rina = await conversationOf(core, '+6281234500071')

    const photo = pngWithMarker()
    const attachment = await core.handlers['quickReplies.attachFile']({
      fileName: 'daftar-harga-rina.png',
      mimeType: 'image/png',
      data: photo.toString('base64'),
    })
    expect(attachment).toMatchObject({ kind: 'image', fileName: 'daftar-harga-rina.png' })
    const saved = await core.handlers['quickReplies.save']({
      draft: { shortcut: 'harga', text: 'Ini daftar harga kami, {{first_name}}', attachment },
    })
    expect(saved).toMatchObject({ ok: true, quickReply: { attachment } })

    // Nothing of the file or its name is readable in the shop's files.
    const atRest = filesUnder(coreDir).map((file) => readFileSync(file))
    for (const needle of [marker, 'daftar-harga-rina']) {
      expect(atRest.some((bytes) => bytes.includes(Buffer.from(needle, 'latin1')))).toBe(false)
    }

    const queued = await core.handlers['inbox.sendText']({
      conversationId: rina.id,
      text: 'Ini daftar harga kami, Rina',
      attachment,
    })
    const delivered = await deliveredMessage(core, rina.id, queued.clientId)
    expect(delivered.kind).toBe('image')
    expect(delivered.body).toMatchObject({ type: 'image', caption: 'Ini daftar harga kami, Rina' })

    const onPlatform = emulator.sentMessages().filter((sent) => sent.clientId === queued.clientId)
    expect(onPlatform).toHaveLength(1)
    const sentBody = onPlatform[0]!.body as { type: string; image: { id: string; caption: string } }
    expect(sentBody.type).toBe('image')
    expect(sentBody.image.caption).toBe('Ini daftar harga kami, Rina')
    const uploaded = emulator.uploadedMedia().find((media) => media.id === sentBody.image.id)
    expect(uploaded).toMatchObject({ mimeType: 'image/png', size: photo.length })
    // Inside the window a photo costs what a text reply costs: nothing.
    expect((await core.handlers['costs.meter']({})).monthUsdMicros).toBe(0)
  })

  it('sends a document without text under its file name, after an offline wait, once', async () => {
    const { core, emulator, restartRelay } = await startWorld()
    await emulator.customerWrites({ from: '+6281234500072', name: 'Dodi', message: 'Katalog?' })
    const dodi = await conversationOf(core, '+6281234500072')
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1')
    const attachment = await core.handlers['quickReplies.attachFile']({
      fileName: 'katalog-batik.pdf',
      mimeType: 'application/pdf',
      data: pdf.toString('base64'),
    })
    expect(attachment.kind).toBe('document')

    let clientId = ''
    await restartRelay(async () => {
      const queued = await core.handlers['inbox.sendText']({
        conversationId: dodi.id,
        text: '',
        attachment,
      })
      clientId = queued.clientId
      await core.handlers['link.syncNow']({})
      expect((await core.handlers['link.status']({})).waiting).toBe(1)
    })
    await core.handlers['link.syncNow']({})
    const delivered = await deliveredMessage(core, dodi.id, clientId)
    expect(delivered.body).toMatchObject({ type: 'document', filename: 'katalog-batik.pdf' })
    const onPlatform = emulator.sentMessages().filter((sent) => sent.clientId === clientId)
    expect(onPlatform).toHaveLength(1)
    expect(onPlatform[0]!.body).toMatchObject({
      type: 'document',
      document: { filename: 'katalog-batik.pdf' },
    })
    expect((onPlatform[0]!.body as { document: object }).document).not.toHaveProperty('caption')
  })

  it('refuses a file WhatsApp does not take, an oversized one, and a caption over 1,024', async () => {
    const { core, emulator } = await startWorld()
    await emulator.customerWrites({ from: '+6281234500073', name: 'Eka', message: 'Halo' })
    const eka = await conversationOf(core, '+6281234500073')
    const gif = await refusal(() =>
      core.handlers['quickReplies.attachFile']({
        fileName: 'animasi.gif',
        mimeType: 'image/gif',
        data: Buffer.from('GIF89a').toString('base64'),
      }),
    )
    expect(gif.code).toBe('INVALID_INPUT')
    expect(gif.message).toMatch(/does not take this kind of file \(image\/gif\)/)
    const big = await refusal(() =>
      core.handlers['quickReplies.attachFile']({
        fileName: 'besar.png',
        mimeType: 'image/png',
        data: Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64'),
      }),
    )
    expect(big.message).toMatch(/The file is 5 MB; a photo can be at most 5 MB/)
    const broken = await refusal(() =>
      core.handlers['quickReplies.attachFile']({
        fileName: 'rusak.png',
        mimeType: 'image/png',
        data: 'not base64!',
      }),
    )
    expect(broken.message).toMatch(/did not arrive whole/)

    const attachment = await core.handlers['quickReplies.attachFile']({
      fileName: 'foto.png',
      mimeType: 'image/png',
      data: pngWithMarker().toString('base64'),
    })
    const long = await refusal(() =>
      core.handlers['inbox.sendText']({
        conversationId: eka.id,
        text: 'x'.repeat(1025),
        attachment,
      }),
    )
    expect(long.message).toMatch(/caption has 1025 characters/)
    const missing = await refusal(() =>
      core.handlers['inbox.sendText']({
        conversationId: eka.id,
        text: 'Foto',
        attachment: { ...attachment, mediaRef: '01JBZ8Q5N4X0W3C7K2R9T6V1M8' },
      }),
    )
    expect(missing.code).toBe('NOT_FOUND')
    expect(await core.handlers['link.status']({})).toMatchObject({ waiting: 0 })
  })
})
