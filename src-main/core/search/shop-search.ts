/**
 * Search's life beside the vault: an index is built after every unlock and dropped at every
 * lock (or restore, or close), so decrypted words live only while the shop is open. It follows
 * `inbox.changed` to pick up new messages and customers' new names at once.
 */
import type { SearchResult } from '../../../src-shared/bridge/features/search'
import type { CoreEvents } from '../events'
import { createLogger } from '../logger'
import type { Vault } from '../vault/vault'
import { SearchIndex, type SearchOptions } from './search-index'

const log = createLogger('search')

export class ShopSearch {
  private index: SearchIndex | null = null
  private building: Promise<void> | null = null
  private readonly stops: (() => void)[] = []

  constructor(
    private readonly vault: Vault,
    events: CoreEvents,
  ) {
    this.stops.push(
      vault.onChange((status) => {
        if (status.state === 'unlocked') this.start()
        else this.drop()
      }),
      events.subscribe((envelope) => {
        if (envelope.event !== 'inbox.changed' || !this.index) return
        const { conversationIds } = envelope.payload as { conversationIds: string[] }
        this.index.catchUp()
        this.index.refreshCustomers(conversationIds)
      }),
    )
    if (vault.unlocked) this.start()
  }

  private start(): void {
    if (this.index) return
    const index = new SearchIndex(this.vault.shop())
    this.index = index
    this.building = index.build().catch((cause: unknown) => {
      // A lock in the middle of a slice wipes the keys under it; only the live index matters.
      if (this.index === index) log.error('the search index could not be built', cause)
    })
  }

  private drop(): void {
    this.index?.dispose()
    this.index = null
    this.building = null
  }

  /** True while an index (and so decrypted words) is held in memory. */
  get holdsIndex(): boolean {
    return this.index !== null
  }

  /** Resolves when the current index is whole (tests and the benchmark wait on it). */
  async built(): Promise<void> {
    await this.building
  }

  search(query: string, options: SearchOptions): SearchResult {
    this.vault.shop()
    if (!this.index) this.start()
    return this.index!.search(query, options)
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop()
    this.drop()
  }
}
