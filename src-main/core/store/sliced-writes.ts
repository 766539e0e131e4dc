/**
 * Long writes (a bulk import, a catch-up after hours offline) run as many short transactions,
 * yielding to the event loop between them, so calls from the owner's window are never stuck
 * behind one long write. Each slice is sized to take about `sliceMs`.
 */
import type { Db } from './database'

export interface SlicedWriteOptions {
  sliceMs?: number
  /** Called after each slice with how many items are written so far. */
  onProgress?: (written: number) => void
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

export async function writeInSlices<T>(
  db: Db,
  items: readonly T[],
  write: (item: T) => void,
  options: SlicedWriteOptions = {},
): Promise<void> {
  const sliceMs = options.sliceMs ?? 5
  let size = 1
  let index = 0
  const writeSlice = db.transaction((slice: readonly T[]) => {
    for (const item of slice) write(item)
  })
  while (index < items.length) {
    const slice = items.slice(index, index + size)
    const startedAt = performance.now()
    writeSlice(slice)
    const tookMs = performance.now() - startedAt
    index += slice.length
    options.onProgress?.(index)
    // Aim the next slice at the budget, growing or shrinking by at most a factor of two.
    const perItemMs = tookMs / slice.length
    const wanted = perItemMs > 0 ? Math.floor(sliceMs / perItemMs) : size * 2
    size = Math.max(1, Math.min(size * 2, Math.max(Math.floor(size / 2), wanted)))
    await yieldToEventLoop()
  }
}
