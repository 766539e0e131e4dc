/**
 * Labels, notes and the owner's names for customers on two real cores of one shop, a relay and
 * the Cloud API emulator on 127.0.0.1: each edit goes through the sync log and shows on the other
 * device; the five default labels are made on both but exist once; a default deleted before the
 * second device joined stays deleted; names written on both while offline converge; and the
 * label limit under creation on both devices at once.
 */
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core/core'
import { labelColors } from '../../../src-shared/labels/labels'
import { eventually } from '../../support/eventually'
import { conversationOf, firstDevice, pairSecond, startWorld } from './sync-world'

const siti = '+6281234500031'

/** Pushes and pulls on both until `check` holds. */
async function settled(devices: Core[], check: () => Promise<void>): Promise<void> {
  await eventually(async () => {
    for (const device of devices) await device.handlers['sync.now']({})
    await check()
  })
}

const labelsOf = async (core: Core) =>
  (await core.handlers['labels.list']({})).map(({ id, name, color, sort }) => ({
    id,
    name,
    color,
    sort,
  }))

const sitiOn = async (core: Core) => {
  const conversation = await conversationOf(core, siti)
  return (await core.handlers['inbox.conversations']({ limit: 100 })).find(
    (c) => c.id === conversation.id,
  )!.customer
}

const notesOn = async (core: Core) => {
  const customer = await sitiOn(core)
  return (await core.handlers['inbox.notes']({ customerId: customer.id })).map((n) => n.body)
}

describe('labels, notes and names on two devices', () => {
  it('travel both ways, defaults exist once, names converge, and the label limit is per device', async () => {
    const world = await startWorld()
    const counter = await firstDevice(world)
    await world.emulator.customerWrites({ from: siti, name: 'Siti', message: 'Halo kak' })
    const sitiHere = await sitiOn(counter)

    // Before the laptop joins: one default deleted, one renamed, a label made and put on Siti.
    const defaults = await counter.handlers['labels.list']({})
    expect(defaults).toHaveLength(5)
    await counter.handlers['labels.delete']({ labelId: defaults[3]!.id })
    await counter.handlers['labels.rename']({ labelId: defaults[0]!.id, name: 'Pelanggan baru!' })
    const grosir = await counter.handlers['labels.create']({ name: 'Grosir', color: 'purple' })
    await counter.handlers['labels.assign']({ customerId: sitiHere.id, labelId: grosir.id })

    // The laptop makes the defaults too when its vault is made; they are the same five.
    const { second: laptop } = await pairSecond(world, counter)
    await settled([counter, laptop], async () => {
      expect(await labelsOf(laptop)).toEqual(await labelsOf(counter))
      expect((await sitiOn(laptop)).labelIds).toEqual([grosir.id])
    })
    const names = (await labelsOf(laptop)).map((label) => label.name)
    expect(names).toHaveLength(5)
    expect(names).toContain('Pelanggan baru!')
    expect(names).toContain('Grosir')
    expect(names).not.toContain(defaults[3]!.name)
    expect(names).not.toContain(defaults[0]!.name)

    // Renamed and recoloured on the laptop, shown on the counter.
    await laptop.handlers['labels.rename']({ labelId: grosir.id, name: 'Reseller' })
    await laptop.handlers['labels.recolour']({ labelId: grosir.id, color: 'teal' })
    await settled([laptop, counter], async () => {
      expect((await labelsOf(counter)).find((l) => l.id === grosir.id)).toMatchObject({
        name: 'Reseller',
        color: 'teal',
      })
    })

    // A note written on the counter, edited on the laptop, deleted on the counter.
    const note = await counter.handlers['inbox.addNote']({
      customerId: sitiHere.id,
      body: 'Minta nota pajak',
    })
    await settled([counter, laptop], async () => {
      expect(await notesOn(laptop)).toEqual(['Minta nota pajak'])
    })
    await laptop.handlers['inbox.editNote']({ noteId: note.id, body: 'Minta nota pajak, PT Maju' })
    await settled([laptop, counter], async () => {
      expect(await notesOn(counter)).toEqual(['Minta nota pajak, PT Maju'])
    })
    await counter.handlers['inbox.deleteNote']({ noteId: note.id })
    await settled([counter, laptop], async () => {
      expect(await notesOn(laptop)).toEqual([])
    })

    // Taken off on the laptop, gone on the counter.
    const sitiThere = await sitiOn(laptop)
    await laptop.handlers['labels.unassign']({ customerId: sitiThere.id, labelId: grosir.id })
    await settled([laptop, counter], async () => {
      expect((await sitiOn(counter)).labelIds).toEqual([])
    })

    // Offline, both rename Siti and both make labels up to the limit of twenty.
    await world.stopRelay()
    await counter.handlers['inbox.renameCustomer']({ customerId: sitiHere.id, name: 'Bu Siti' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await laptop.handlers['inbox.renameCustomer']({
      customerId: sitiThere.id,
      name: 'Siti Langganan',
    })
    for (const [device, prefix] of [
      [counter, 'Kasir'],
      [laptop, 'Laptop'],
    ] as const) {
      for (let index = 5; index < 20; index++) {
        await device.handlers['labels.create']({
          name: `${prefix} ${index}`,
          color: labelColors[index % labelColors.length]!,
        })
      }
      expect(() => device.handlers['labels.create']({ name: 'Satu lagi', color: 'red' })).toThrow(
        /at most 20 labels/,
      )
    }
    await world.restartRelay()
    await settled([counter, laptop, counter], async () => {
      expect(await labelsOf(counter)).toEqual(await labelsOf(laptop))
      expect((await sitiOn(counter)).name).toBe((await sitiOn(laptop)).name)
    })
    // The later rename wins on both.
    expect((await sitiOn(counter)).name).toBe('Siti Langganan')
    // Both devices' labels are kept (35, over the limit): nothing the owner made is dropped, and
    // neither device takes a new label until the owner deletes down below twenty.
    const merged = await labelsOf(counter)
    expect(merged).toHaveLength(35)
    expect(new Set(merged.map((l) => l.id)).size).toBe(35)
    expect(() => laptop.handlers['labels.create']({ name: 'Satu lagi', color: 'red' })).toThrow(
      /at most 20 labels/,
    )
  })
})
