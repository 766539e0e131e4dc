/**
 * Group commit for webhook intake: the POSTs whose bodies finished arriving in the same turn of
 * the event loop are committed in one SQLite transaction, and each shop's fresh events from all
 * of them are sealed together as one item. Sealing (an ephemeral X25519 key pair and a
 * Diffie-Hellman per item) was the largest cost per POST under load, so a busy relay now pays
 * for it, and for the commit, once per turn. Each POST still waits for its own commit before it
 * is acknowledged. If a group fails, its POSTs are retried one by one, so one bad delivery cannot
 * cost the others their acknowledgement.
 */
import type { IntakeBatch, IntakeResult, RelayStore } from '../store/relay-store'

/** One POST's events for one shop, which the writer may seal together with other POSTs'. */
export interface ShopIntake {
  shopId: string
  /** One digest per event, in order (see event-key.ts). */
  keyDigests: readonly Uint8Array[]
  events: readonly unknown[]
  /** Seals these events to the shop's key as one item. */
  sealEvents: (events: readonly unknown[]) => Uint8Array
}

export interface IntakeWriter {
  write(intakes: readonly ShopIntake[]): Promise<IntakeResult[]>
}

interface Waiting {
  intakes: readonly ShopIntake[]
  resolve(results: IntakeResult[]): void
  reject(cause: unknown): void
}

/** Where one POST's intake landed inside a shop's merged batch. */
interface Placement {
  shop: number
  offset: number
  length: number
}

/**
 * Merges every intake of the same shop into one store batch, and says how to give each intake
 * its own result back (its own fresh indexes, and the item's seq when it had a fresh event).
 */
export function mergeByShop(intakes: readonly ShopIntake[]): {
  batches: IntakeBatch[]
  resultsFor: (merged: readonly IntakeResult[]) => IntakeResult[]
} {
  const shops: {
    shopId: string
    digests: Uint8Array[]
    events: unknown[]
    seal: ShopIntake['sealEvents']
  }[] = []
  const index = new Map<string, number>()
  const placements: Placement[] = intakes.map((intake) => {
    let shop = index.get(intake.shopId)
    if (shop === undefined) {
      shop = shops.length
      index.set(intake.shopId, shop)
      shops.push({ shopId: intake.shopId, digests: [], events: [], seal: intake.sealEvents })
    }
    const entry = shops[shop]!
    const offset = entry.digests.length
    entry.digests.push(...intake.keyDigests)
    entry.events.push(...intake.events)
    return { shop, offset, length: intake.keyDigests.length }
  })
  const batches: IntakeBatch[] = shops.map((shop) => ({
    shopId: shop.shopId,
    keyDigests: shop.digests,
    seal: (fresh) => shop.seal(fresh.map((i) => shop.events[i])),
  }))
  return {
    batches,
    resultsFor(merged) {
      return placements.map((placement, i) => {
        const result = merged[placement.shop]!
        const freshIndexes = result.freshIndexes
          .filter((f) => f >= placement.offset && f < placement.offset + placement.length)
          .map((f) => f - placement.offset)
        return {
          shopId: intakes[i]!.shopId,
          seq: freshIndexes.length > 0 ? result.seq : null,
          freshIndexes,
        }
      })
    },
  }
}

export function createIntakeWriter(store: RelayStore, now: () => number): IntakeWriter {
  let pending: Waiting[] = []
  let scheduled = false

  async function writeGroup(group: readonly Waiting[]): Promise<void> {
    const all = group.flatMap((waiting) => waiting.intakes)
    const { batches, resultsFor } = mergeByShop(all)
    const results = resultsFor(await store.intake(batches, now()))
    let offset = 0
    for (const waiting of group) {
      waiting.resolve(results.slice(offset, offset + waiting.intakes.length))
      offset += waiting.intakes.length
    }
  }

  async function writeAlone(waiting: Waiting): Promise<void> {
    try {
      await writeGroup([waiting])
    } catch (cause) {
      waiting.reject(cause)
    }
  }

  async function flush(): Promise<void> {
    scheduled = false
    const group = pending
    pending = []
    if (group.length === 1) return writeAlone(group[0]!)
    try {
      await writeGroup(group)
    } catch {
      // The transaction rolled back as a whole: nothing of the group was kept.
      for (const waiting of group) await writeAlone(waiting)
    }
  }

  return {
    write(intakes) {
      if (intakes.length === 0) return Promise.resolve([])
      return new Promise((resolve, reject) => {
        pending.push({ intakes, resolve, reject })
        if (!scheduled) {
          scheduled = true
          setImmediate(() => void flush())
        }
      })
    },
  }
}
