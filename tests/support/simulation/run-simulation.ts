/**
 * One seeded run of a shop with three devices: random edits, replies and customer messages while
 * devices go offline, crash (even between the platform accepting a reply and the answer being
 * recorded) and reopen, the relay restarts, and the platform delivers webhooks twice and out of
 * order. Then everything heals and the invariants are checked. Every choice comes from the seed;
 * only the interleaving with the network is left to the machine, so a failing seed is replayed by
 * running it again.
 */
import { setLogSink } from '../../../src-main/core/logger'
import { setRelayLogSink } from '../../../src-relay/logger'
import { createSeededRandom, type SeededRandom } from '../../../src-shared/sync/seeded-random'
import { dumpShop, dumpShopData, type DumpedShop } from './shop-dump'
import { randomShopEdit } from './shop-edits'
import { startShopWorld, type Device, type ShopWorld } from './shop-world'

export const invariantNames = [
  'identical shop data on every device',
  'every customer message exactly once on every device',
  'no client id sent to the platform twice',
  'every queued reply sent or failed with a reason',
] as const
export type InvariantName = (typeof invariantNames)[number]

export interface RunResult {
  seed: number
  violations: { invariant: InvariantName; detail: string }[]
  /** How often each disruption happened, to show the runs exercised them. */
  counts: Record<string, number>
  healMs: number
}

export interface RunOptions {
  steps?: number
  /** How long healing may take before the run counts as not converged. */
  healTimeoutMs?: number
}

const phones = ['+6281230000001', '+6281230000002', '+6281230000003', '+6281230000004']
const texts = ['Halo kak', 'Masih ada?', 'Berapa ongkirnya?', 'Oke, saya transfer', 'Makasih']

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function pick<T>(random: SeededRandom, items: readonly T[]): T {
  return items[random.int(items.length)]!
}

function shuffled<T>(random: SeededRandom, items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

async function conversationId(device: Device, phone: string): Promise<string | null> {
  const list = await device.core!.handlers['inbox.conversations']({ limit: 500 })
  return list.find((c) => c.customer.phone === phone)?.id ?? null
}

/** Waits (bounded) until the platform accepted `clientId`: the moment to crash in. */
async function untilAccepted(
  world: ShopWorld,
  clientId: string,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (world.emulator.sentMessages().some((m) => m.clientId === clientId)) return true
    await pause(5)
  }
  return false
}

/** Where two JSON dumps first part, with a little context. */
function firstTextDifference(a: string, b: string): string {
  let i = 0
  while (i < a.length && a[i] === b[i]) i += 1
  return `…${a.slice(Math.max(0, i - 80), i + 80)}… vs …${b.slice(Math.max(0, i - 80), i + 80)}…`
}

/** One random change to the shop's quick replies: a new one, an edit, a use, a delete, an undo. */
async function editQuickReplies(
  core: NonNullable<ShopWorld['devices'][number]['core']>,
  random: ReturnType<typeof createSeededRandom>,
  step: number,
): Promise<void> {
  const list = await core.handlers['quickReplies.list']({})
  const what = list.length === 0 ? 0 : random.int(5)
  const target = list.length > 0 ? pick(random, list) : null
  try {
    if (what === 0 || !target) {
      await core.handlers['quickReplies.save']({
        draft: { shortcut: `balas${step}`, text: `Terima kasih, langkah ${step}` },
      })
    } else if (what === 1) {
      await core.handlers['quickReplies.save']({
        id: target.id,
        draft: { shortcut: target.shortcut, text: `${target.text} (ubah ${step})` },
      })
    } else if (what === 2) {
      await core.handlers['quickReplies.recordUse']({ id: target.id })
    } else if (what === 3) {
      await core.handlers['quickReplies.delete']({ id: target.id })
    } else {
      try {
        await core.handlers['quickReplies.undoDelete']({ id: target.id })
      } catch {
        // Not deleted: nothing to undo.
      }
      await core.handlers['quickReplies.reorder']({ ids: [...list].reverse().map((q) => q.id) })
    }
  } catch {
    // A rule refused it (a shortcut two devices both took): nothing was written.
  }
}

export async function runSimulation(seed: number, options: RunOptions = {}): Promise<RunResult> {
  setLogSink(null)
  setRelayLogSink(null)
  const random = createSeededRandom(seed)
  const counts: Record<string, number> = {}
  const count = (what: string) => void (counts[what] = (counts[what] ?? 0) + 1)
  const world = await startShopWorld(seed, ['kasir', 'laptop', 'helper'])
  const writes: Promise<{ wamid: string; delivered: boolean }>[] = []
  const replies: { device: string; clientId: string }[] = []
  try {
    // Every customer writes once first, so every device has something to work on.
    for (const phone of phones) {
      writes.push(world.emulator.customerWrites({ from: phone, message: pick(random, texts) }))
    }
    await Promise.all(writes)

    const steps = options.steps ?? 40
    for (let step = 0; step < steps; step += 1) {
      const device = pick(random, world.devices)
      const roll = random.next()
      if (roll < 0.3) {
        if (!device.core) continue
        const id = await conversationId(device, pick(random, phones))
        if (!id) continue
        const what = random.int(8)
        if (what >= 6) {
          count(await randomShopEdit(random, device.core, id, step))
          continue
        }
        if (what === 3) {
          await editQuickReplies(device.core, random, step)
          count('quick reply edit')
          continue
        } else if (what === 4) {
          await device.core.handlers['costs.updateSettings']({
            dailyBudgetMinor: random.chance(0.3) ? null : 100 * random.int(50),
          })
          count('budget set')
          continue
        } else if (what === 5) {
          const promo = (await device.core.handlers['templates.list']({})).find(
            (t) => t.name === 'promo_bulan_ini' && t.status.state === 'approved',
          )
          if (!promo) continue
          try {
            const reply = await device.core.handlers['inbox.sendTemplate']({
              conversationId: id,
              templateId: promo.id,
              values: { 'body.first_name': 'Kak', 'body.discount': '20%' },
              overrideBudget: random.chance(0.5),
            })
            replies.push({ device: device.name, clientId: reply.clientId })
            count('paid template')
          } catch {
            count('paid template refused (budget or opt-out)')
          }
          continue
        } else if (what === 0) {
          await device.core.handlers['inbox.setPinned']({
            conversationId: id,
            pinned: random.chance(0.6),
          })
        } else if (what === 1) {
          await device.core.handlers['inbox.setArchived']({
            conversationId: id,
            archived: random.chance(0.4),
          })
        } else {
          await device.core.handlers['inbox.markRead']({ conversationId: id })
        }
        count('edit')
      } else if (roll < 0.45) {
        if (!device.core) continue
        const id = await conversationId(device, pick(random, phones))
        if (!id) continue
        const lostAnswer = random.chance(0.35) && world.relayUp() && !device.proxy.isCut
        if (lostAnswer) world.emulator.dropNextAnswer(1)
        const reply = await device.core.handlers['inbox.sendText']({
          conversationId: id,
          text: `Balasan ${step}`,
        })
        replies.push({ device: device.name, clientId: reply.clientId })
        count('reply')
        if (lostAnswer) {
          // Accepted by the platform, answer never recorded: the device dies now, and
          // sometimes the relay with it.
          const accepted = await untilAccepted(world, reply.clientId, 3000)
          world.crash(device)
          count(accepted ? 'crash after platform accepted' : 'crash before send')
          if (random.chance(0.5)) {
            await world.stopRelay()
            count('relay stop after platform accepted')
          }
        }
      } else if (roll < 0.6) {
        writes.push(
          world.emulator.customerWrites({
            from: pick(random, phones),
            message: pick(random, texts),
          }),
        )
        count('customer message')
      } else if (roll < 0.68) {
        const delivered = world.emulator.deliveredWebhooks()
        if (delivered === 0) continue
        const indexes = Array.from({ length: 1 + random.int(4) }, () => random.int(delivered))
        void world.emulator.deliverAgain(shuffled(random, indexes))
        count('webhooks again, out of order')
      } else if (roll < 0.76) {
        if (device.proxy.isCut) device.proxy.mend()
        else device.proxy.cut()
        count(device.proxy.isCut ? 'device offline' : 'device online')
      } else if (roll < 0.82) {
        if (world.relayUp()) await world.stopRelay()
        else await world.startRelay()
        count(world.relayUp() ? 'relay start' : 'relay stop')
      } else if (roll < 0.9) {
        if (device.core) {
          // Right in the middle of whatever its link is doing.
          await pause(random.int(40))
          world.crash(device)
          count('crash')
        } else {
          await world.reopen(device)
          count('reopen')
        }
      } else {
        await pause(random.int(250))
      }
    }

    // Healing: everything comes back, and every device syncs until they agree.
    await world.startRelay()
    for (const device of world.devices) {
      device.proxy.mend()
      await world.reopen(device)
    }
    const healStarted = Date.now()
    const wamids = (await Promise.all(writes)).map((w) => w.wamid)
    const violations = await heal(world, wamids, replies, options.healTimeoutMs ?? 20_000)
    return { seed, violations, counts, healMs: Date.now() - healStarted }
  } finally {
    await world.close()
  }
}

async function heal(
  world: ShopWorld,
  wamids: string[],
  replies: { device: string; clientId: string }[],
  timeoutMs: number,
): Promise<RunResult['violations']> {
  const deadline = Date.now() + timeoutMs
  let violations: RunResult['violations'] = []
  for (;;) {
    for (const device of world.devices) await device.core!.handlers['sync.now']({})
    await world.emulator.idle()
    for (const device of world.devices) await device.core!.handlers['sync.now']({})
    const dumps = new Map<string, DumpedShop>()
    for (const device of world.devices) dumps.set(device.name, await dumpShop(device.core!))
    violations = checkInvariants(world, dumps, wamids, replies)
    const data = await Promise.all(
      world.devices.map(async (device) => JSON.stringify(await dumpShopData(device.core!))),
    )
    for (const [index, text] of data.entries()) {
      if (text !== data[0]) {
        violations.push({
          invariant: 'identical shop data on every device',
          detail: `${world.devices[0]!.name} and ${world.devices[index]!.name} differ: ${firstTextDifference(data[0]!, text)}`,
        })
      }
    }
    if (violations.length === 0 || Date.now() > deadline) return violations
    await pause(200)
  }
}

function checkInvariants(
  world: ShopWorld,
  dumps: Map<string, DumpedShop>,
  wamids: string[],
  replies: { device: string; clientId: string }[],
): RunResult['violations'] {
  const violations: RunResult['violations'] = []
  const [first, ...others] = [...dumps.entries()]
  const reference = JSON.stringify(first![1])
  for (const [name, dump] of others) {
    const text = JSON.stringify(dump)
    if (text !== reference) {
      violations.push({
        invariant: 'identical shop data on every device',
        detail: `${first![0]} and ${name} differ: ${firstDifference(first![1], dump)}`,
      })
    }
  }
  for (const [name, dump] of dumps) {
    const seen = new Map<string, number>()
    for (const c of dump.conversations)
      for (const m of c.messages) seen.set(m.key, (seen.get(m.key) ?? 0) + 1)
    for (const wamid of new Set(wamids)) {
      const times = seen.get(wamid) ?? 0
      if (times !== 1) {
        violations.push({
          invariant: 'every customer message exactly once on every device',
          detail: `${name} has ${wamid} ${times} times`,
        })
      }
    }
    for (const reply of replies) {
      const message = dump.conversations
        .flatMap((c) => c.messages)
        .find((m) => m.key === reply.clientId)
      const done =
        message &&
        (['sent', 'delivered', 'read'].includes(message.status) ||
          (message.status === 'failed' && message.errorCode !== null))
      if (!done) {
        violations.push({
          invariant: 'every queued reply sent or failed with a reason',
          detail: `${name}: reply ${reply.clientId} from ${reply.device} is ${message ? `${message.status} (error ${message.errorCode})` : 'missing'}`,
        })
      }
    }
  }
  const sent = new Map<string, number>()
  for (const message of world.emulator.sentMessages()) {
    if (message.clientId) sent.set(message.clientId, (sent.get(message.clientId) ?? 0) + 1)
  }
  for (const [clientId, times] of sent) {
    if (times > 1) {
      violations.push({
        invariant: 'no client id sent to the platform twice',
        detail: `${clientId} accepted ${times} times`,
      })
    }
  }
  return violations
}

function firstDifference(shopA: DumpedShop, shopB: DumpedShop): string {
  const labelsA = JSON.stringify(shopA.labels)
  const labelsB = JSON.stringify(shopB.labels)
  if (labelsA !== labelsB) return `labels ${labelsA} vs ${labelsB}`
  const [a, b] = [shopA.conversations, shopB.conversations]
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = JSON.stringify(a[i] ? { ...a[i], messages: undefined } : null)
    const y = JSON.stringify(b[i] ? { ...b[i], messages: undefined } : null)
    if (x !== y) return `${x} vs ${y}`
    const mx = a[i]!.messages
    const my = b[i]!.messages
    for (let j = 0; j < Math.max(mx.length, my.length); j += 1) {
      const p = JSON.stringify(mx[j] ?? null)
      const q = JSON.stringify(my[j] ?? null)
      if (p !== q) return `${a[i]!.phone}: ${p} vs ${q}`
    }
  }
  return 'same'
}
