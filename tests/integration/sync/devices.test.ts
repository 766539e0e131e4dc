/**
 * Several real desktop cores (each its own vault file) and one relay with the Cloud API
 * emulator on 127.0.0.1: pairing a second device, edits made offline on both converging, a
 * reply written on one showing on the other, device removal, and a device whose clock is three
 * hours wrong.
 */
import { describe, expect, it } from 'vitest'
import { eventually } from '../../support/eventually'
import { conversationOf, firstDevice, marks, newCore, pairSecond, startWorld } from './sync-world'

describe('pairing', () => {
  it('joins with the right code only: wrong, reused and expired codes are refused', async () => {
    const world = await startWorld()
    const counter = await firstDevice(world)
    const { code, expiresAt } = await counter.handlers['sync.pairingCode']({})
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    expect(expiresAt).toBeGreaterThan(Date.now())

    const laptop = await newCore('Laptop')
    const wrong = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0')
    await expect(
      laptop.handlers['sync.join']({ relayUrl: world.relay.url, code: wrong }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(
      laptop.handlers['sync.join']({ relayUrl: world.relay.url, code: 'not a code' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const joined = await laptop.handlers['sync.join']({
      relayUrl: world.relay.url,
      code: code.toLowerCase(),
    })
    expect(joined.deviceId).toBeTruthy()

    const helper = await newCore('Helper')
    await expect(
      helper.handlers['sync.join']({ relayUrl: world.relay.url, code }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })

    const late = await counter.handlers['sync.pairingCode']({})
    world.relayClock.offsetMs = 11 * 60 * 1000
    await expect(
      helper.handlers['sync.join']({ relayUrl: world.relay.url, code: late.code }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })

    const devices = await counter.handlers['sync.devices']({})
    expect(devices.map((d) => d.name).sort()).toEqual(['Kasir', 'Laptop'])
    expect(devices.filter((d) => d.thisDevice).map((d) => d.name)).toEqual(['Kasir'])
  })
})

describe('two devices of one shop', () => {
  it('converge after offline edits on both, show each other’s replies, and a removed device is refused', async () => {
    const world = await startWorld()
    const counter = await firstDevice(world)
    await world.emulator.customerWrites({
      from: '+6281234500011',
      name: 'Siti',
      message: 'Halo kak',
    })
    await world.emulator.customerWrites({ from: '+6281234500012', name: 'Budi', message: 'Ready?' })
    const sitiHere = await conversationOf(counter, '+6281234500011')
    await counter.handlers['inbox.setPinned']({ conversationId: sitiHere.id, pinned: true })

    const { second: laptop } = await pairSecond(world, counter)
    const sitiThere = await conversationOf(laptop, '+6281234500011')
    const budiThere = await conversationOf(laptop, '+6281234500012')
    const budiHere = await conversationOf(counter, '+6281234500012')
    await eventually(async () => expect(await marks(laptop)).toEqual(await marks(counter)))
    expect((await marks(laptop)).find((m) => m.phone === '+6281234500011')?.pinned).toBe(true)

    // The relay goes away; both keep working.
    await world.stopRelay()
    await counter.handlers['inbox.setArchived']({ conversationId: budiHere.id, archived: true })
    await counter.handlers['inbox.setPinned']({ conversationId: sitiHere.id, pinned: false })
    await laptop.handlers['inbox.markRead']({ conversationId: budiThere.id })
    await laptop.handlers['inbox.setPinned']({ conversationId: budiThere.id, pinned: true })
    const reply = await counter.handlers['inbox.sendText']({
      conversationId: sitiHere.id,
      text: 'Halo juga, Siti',
    })
    expect((await counter.handlers['sync.status']({})).unpushed).toBeGreaterThan(0)

    await world.restartRelay()
    await counter.handlers['sync.now']({})
    await laptop.handlers['sync.now']({})
    await eventually(async () => {
      await counter.handlers['sync.now']({})
      expect(await marks(counter)).toEqual(await marks(laptop))
    })
    expect(await marks(counter)).toEqual([
      { phone: '+6281234500011', pinned: false, archived: false, unread: 1 },
      { phone: '+6281234500012', pinned: true, archived: true, unread: 0 },
    ])
    expect((await counter.handlers['sync.status']({})).unpushed).toBe(0)

    // The reply written on the counter shows on the laptop, once.
    const onLaptop = await eventually(async () => {
      const found = (
        await laptop.handlers['inbox.messages']({ conversationId: sitiThere.id, limit: 50 })
      ).filter((m) => m.clientId === reply.clientId)
      expect(found).toHaveLength(1)
      return found[0]!
    })
    expect(onLaptop).toMatchObject({
      direction: 'outbound',
      body: { type: 'text', body: 'Halo juga, Siti' },
    })
    expect(
      world.emulator.sentMessages().filter((m) => JSON.stringify(m).includes(reply.clientId)),
    ).toHaveLength(1)

    // Removing the laptop: from then on the relay refuses it everywhere.
    const laptopId = (await laptop.handlers['sync.status']({})).deviceId!
    await counter.handlers['sync.removeDevice']({ deviceId: laptopId })
    await laptop.handlers['inbox.setPinned']({ conversationId: sitiThere.id, pinned: true })
    const refused = await laptop.handlers['sync.now']({})
    expect(refused.link.state).toBe('refused')
    expect(refused.unpushed).toBeGreaterThan(0)
    await counter.handlers['sync.now']({})
    expect((await marks(counter)).find((m) => m.phone === '+6281234500011')?.pinned).toBe(false)
  })

  it('a device whose clock is three hours behind still converges, its later edits winning', async () => {
    const world = await startWorld()
    const counter = await firstDevice(world)
    await world.emulator.customerWrites({ from: '+6281234500021', name: 'Ayu', message: 'Permisi' })
    const ayuHere = await conversationOf(counter, '+6281234500021')
    await counter.handlers['inbox.setPinned']({ conversationId: ayuHere.id, pinned: true })
    await counter.handlers['sync.now']({})

    const behind = () => Date.now() - 3 * 60 * 60 * 1000
    const { second: slow } = await pairSecond(world, counter, 'Lambat', { syncNow: behind })
    const ayuThere = await conversationOf(slow, '+6281234500021')
    await eventually(async () => {
      await slow.handlers['sync.now']({})
      expect((await marks(slow))[0]?.pinned).toBe(true)
    })
    // Made after it saw the pin, so it wins although its wall clock says three hours earlier.
    await slow.handlers['inbox.setPinned']({ conversationId: ayuThere.id, pinned: false })
    await slow.handlers['sync.now']({})
    await eventually(async () => {
      await counter.handlers['sync.now']({})
      expect((await marks(counter))[0]?.pinned).toBe(false)
    })
    expect(await marks(counter)).toEqual(await marks(slow))
  })
})
