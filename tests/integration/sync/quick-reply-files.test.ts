/**
 * A quick reply's photo attached on one computer reaches the shop's other computer through the
 * relay's file store, sealed with the shop's sync key, and is sent from there; the relay's files
 * hold none of it in the clear.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { relayDatabaseFile } from '../../../src-relay/store/sqlite/sqlite-store'
import { eventually } from '../../support/eventually'
import { afterSync, conversationOf, firstDevice, pairSecond, startWorld } from './sync-world'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('a quick reply file on two devices', () => {
  it('is fetched by the other computer and sent from there, never readable on the relay', async () => {
    const world = await startWorld()
    const counter = await firstDevice(world)
    const { second: laptop } = await pairSecond(world, counter)

    // Attached and saved on the laptop.
    const marker = 'KATALOG-BATIK-TULIS-PEKALONGAN-2026'
    const pdf = Buffer.from(`%PDF-1.4\n% ${marker}\n%%EOF\n`, 'latin1')
    const attachment = await laptop.handlers['quickReplies.attachFile']({
      fileName: 'katalog-pekalongan.pdf',
      mimeType: 'application/pdf',
      data: pdf.toString('base64'),
    })
    // Picked and then dropped before saving: it stays on the laptop and is never shared.
    const dropped = await laptop.handlers['quickReplies.attachFile']({
      fileName: 'salah-pilih.png',
      mimeType: 'image/png',
      data: Buffer.from('89504e470d0a1a0a0000', 'hex').toString('base64'),
    })
    const saved = await laptop.handlers['quickReplies.save']({
      draft: { shortcut: 'katalog', text: 'Ini katalog kami', attachment },
    })
    expect(saved.ok).toBe(true)

    // The counter gets the quick reply and, in the same rounds, its file.
    await world.emulator.customerWrites({
      from: '+6281234500081',
      name: 'Tari',
      message: 'Katalog?',
    })
    const tari = await conversationOf(counter, '+6281234500081')
    const queued = await afterSync([laptop, counter], async () => {
      const [quickReply] = (await counter.handlers['quickReplies.list']({})).filter(
        (item) => item.shortcut === 'katalog',
      )
      expect(quickReply?.attachment).toEqual(attachment)
      return counter.handlers['inbox.sendText']({
        conversationId: tari.id,
        text: 'Ini katalog kami',
        attachment,
      })
    })

    await eventually(() => {
      const sent = world.emulator.sentMessages().filter((item) => item.clientId === queued.clientId)
      expect(sent).toHaveLength(1)
      expect(sent[0]!.body).toMatchObject({
        type: 'document',
        document: { caption: 'Ini katalog kami', filename: 'katalog-pekalongan.pdf' },
      })
    })
    const uploaded = world.emulator.uploadedMedia()
    expect(uploaded.some((media) => media.size === pdf.length)).toBe(true)

    // The relay kept the saved quick reply's file only, and as ciphertext only.
    const relayDb = new Database(join(world.relayDir, relayDatabaseFile), { readonly: true })
    const kept = relayDb.prepare('SELECT file_id FROM shop_files').all() as { file_id: string }[]
    relayDb.close()
    expect(kept.map((row) => row.file_id)).toEqual([attachment.mediaRef])
    expect(dropped.mediaRef).not.toBe(attachment.mediaRef)
    for (const file of filesUnder(world.relayDir)) {
      const bytes = readFileSync(file)
      expect(bytes.includes(Buffer.from(marker, 'latin1')), file).toBe(false)
      expect(bytes.includes(Buffer.from('katalog-pekalongan', 'latin1')), file).toBe(false)
    }
  })
})
