/**
 * Group commit for webhook intake: the POSTs whose bodies finished arriving in the same turn of
 * the event loop are committed in one SQLite transaction (each still its own sealed item), so a
 * busy relay pays for one commit per turn instead of one per POST. Each POST still waits for its
 * own commit before it is acknowledged. If a group fails, its POSTs are retried one by one, so
 * one bad delivery cannot cost the others their acknowledgement.
 */
import type { IntakeBatch, IntakeResult, RelayStore } from '../store/relay-store'

export interface IntakeWriter {
  write(batches: readonly IntakeBatch[]): Promise<IntakeResult[]>
}

interface Waiting {
  batches: readonly IntakeBatch[]
  resolve(results: IntakeResult[]): void
  reject(cause: unknown): void
}

export function createIntakeWriter(store: RelayStore, now: () => number): IntakeWriter {
  let pending: Waiting[] = []
  let scheduled = false

  async function writeAlone(waiting: Waiting): Promise<void> {
    try {
      waiting.resolve(await store.intake(waiting.batches, now()))
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
      const results = await store.intake(
        group.flatMap((waiting) => waiting.batches),
        now(),
      )
      let offset = 0
      for (const waiting of group) {
        waiting.resolve(results.slice(offset, offset + waiting.batches.length))
        offset += waiting.batches.length
      }
    } catch {
      // The transaction rolled back as a whole: nothing of the group was kept.
      for (const waiting of group) await writeAlone(waiting)
    }
  }

  return {
    write(batches) {
      if (batches.length === 0) return Promise.resolve([])
      return new Promise((resolve, reject) => {
        pending.push({ batches, resolve, reject })
        if (!scheduled) {
          scheduled = true
          setImmediate(() => void flush())
        }
      })
    },
  }
}
