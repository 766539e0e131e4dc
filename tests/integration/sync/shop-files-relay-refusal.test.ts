/**
 * A relay that does not keep files (one from before the file store, answering 404) must not stop
 * the shop's sync: the round goes on, the file stays unshared and is offered again next round.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { RelayClient } from '../../../src-main/core/link/relay-client'
import { addMedia, unsharedMedia } from '../../../src-main/core/quick-replies/media-store'
import { saveQuickReply } from '../../../src-main/core/quick-replies/quick-reply-store'
import { shareFiles } from '../../../src-main/core/sync/shop-files'
import { SyncLog } from '../../../src-main/core/sync/sync-log'
import { loadSodium } from '../../../src-main/core/vault/sodium'
import { Vault } from '../../../src-main/core/vault/vault'
import { fastKdf, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
  removeTempDataDirs()
})

describe('sharing a quick reply file with a relay that keeps no files', () => {
  it('leaves the file unshared and the round unbroken', async () => {
    const calls: string[] = []
    const server = createServer((request, response) => {
      calls.push(`${request.method} ${request.url}`)
      request.resume()
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such route.' } }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    closers.push(() => new Promise((resolve) => server.close(() => resolve())))
    const { port } = server.address() as AddressInfo

    const sodium = await loadSodium()
    const vault = await Vault.open({ dataDir: tempDataDir(), kdf: fastKdf })
    vault.create('Toko Lama', passphrase)
    closers.push(() => vault.close())
    const shop = vault.shop()
    const added = addMedia(
      shop,
      { fileName: 'harga.pdf', mimeType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 x') },
      Date.now(),
    )
    if (!added.ok) throw new Error('not added')
    const sync = new SyncLog(sodium)
    saveQuickReply(
      shop,
      sync,
      { shortcut: 'harga', text: '', attachment: added.attachment },
      Date.now(),
    )

    const client = new RelayClient({
      relayUrl: `http://127.0.0.1:${port}`,
      shopId: 'S1',
      deviceId: 'D1',
      deviceToken: 'T'.repeat(43),
    })
    await expect(shareFiles(client, () => shop, sodium, Date.now)).resolves.toEqual([])
    expect(calls).toEqual([`PUT /v1/files/${added.attachment.mediaRef}`])
    expect(unsharedMedia(shop)).toEqual([added.attachment.mediaRef])
  })
})
