/**
 * Customers write known texts, the shop answers with known text, statuses flow; then every file
 * the relay keeps (database, WAL) and every line it logged is searched, byte by byte, in UTF-8
 * and UTF-16: none of those texts may be there, while the relay runs and after it stopped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ulid } from 'ulid'
import { afterEach, describe, expect, it } from 'vitest'
import { setRelayLogSink } from '../../../src-relay/logger'
import { api, readInbox, removeTempDirs, startPlatform, textTo, waitFor } from './support'

type Platform = Awaited<ReturnType<typeof startPlatform>>
let platform: Platform | undefined

afterEach(async () => {
  setRelayLogSink(null)
  await platform?.close()
  platform = undefined
  removeTempDirs()
})

const known = {
  customerName: 'Ibu Ratna Kusumawardani',
  question: 'Kak, kemeja batik motif parang ukuran XL masih ada? 🙏',
  address: 'Tolong kirim ke Jalan Melati Nomor Tujuh, Sleman',
  english: 'Where is my parcel with the blue ribbon?',
  caption: 'Yang seperti foto ini ada kak?',
  reply: 'Masih ada kak, harganya seratus delapan puluh lima ribu',
  place: 'Rumah Nenek Ratna',
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

function forms(text: string): Buffer[] {
  const utf16le = Buffer.from(text, 'utf16le')
  const utf16be = Buffer.from(utf16le).swap16()
  return [Buffer.from(text, 'utf8'), utf16le, utf16be, Buffer.from(text.slice(0, 14), 'utf8')]
}

function findKnown(files: Record<string, Buffer>): string[] {
  const found: string[] = []
  for (const [name, bytes] of Object.entries(files)) {
    for (const text of Object.values(known)) {
      for (const form of forms(text)) if (bytes.includes(form)) found.push(`"${text}" in ${name}`)
    }
  }
  return found
}

describe('nothing a customer or the shop wrote is readable on the relay', () => {
  it('in its SQLite file, its WAL and its log', async () => {
    let logged = ''
    setRelayLogSink((line) => (logged += `${line}\n`))
    platform = await startPlatform()
    const { emulator, relay, device, dataDir } = platform
    const from = '6281299887766'
    await emulator.customerWrites({ from, name: known.customerName, message: known.question })
    await emulator.customerWrites({ from, message: known.address })
    await emulator.customerWrites({ from, message: { type: 'image', caption: known.caption } })
    await emulator.customerWrites({
      from,
      message: { type: 'location', latitude: -7.71, longitude: 110.35, name: known.place },
    })
    await emulator.customerWrites({
      from: '14155550123',
      name: 'Jake Miller',
      message: known.english,
    })
    const clientId = ulid()
    await api(relay, device.deviceToken).post('/v1/send', {
      clientId,
      message: await textTo(`+${from}`, known.reply),
    })
    // A send whose answer is lost and one refused, so the error paths write too.
    emulator.dropNextAnswer()
    await api(relay, device.deviceToken).post('/v1/send', {
      clientId: ulid(),
      message: await textTo(`+${from}`, known.reply),
    })
    emulator.fail(131047)
    await api(relay, device.deviceToken).post('/v1/send', {
      clientId: ulid(),
      message: await textTo(`+${from}`, known.reply),
    })
    await emulator.idle()
    await relay.idle()

    // The desktop can read all of it.
    const { events } = await waitFor(async () => {
      const inbox = await readInbox(relay, device)
      return inbox.events.filter((event) => event.kind === 'status').length >= 6 ? inbox : undefined
    }, 'the statuses')
    expect(JSON.stringify(events)).toContain(known.question)

    const whileOpen = Object.fromEntries(
      filesUnder(dataDir).map((file) => [file, readFileSync(file)]),
    )
    expect(Object.keys(whileOpen).some((file) => file.endsWith('-wal'))).toBe(true)
    expect(findKnown(whileOpen)).toEqual([])

    await platform.close()
    platform = undefined
    const afterClose = Object.fromEntries(
      filesUnder(dataDir).map((file) => [file, readFileSync(file)]),
    )
    expect(findKnown(afterClose)).toEqual([])
    expect(findKnown({ log: Buffer.from(logged, 'utf8') })).toEqual([])
    expect(logged).not.toContain('test-app-secret-4f9a')
    expect(logged).not.toContain('test-access-token-c3d1')
    expect(logged).not.toContain(device.deviceToken)
  })
})
