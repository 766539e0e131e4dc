/**
 * Search over one unlocked shop, held only in memory: the sealed message bodies and customer
 * names are opened once after the unlock, folded into words (src-shared/search) and kept in
 * inverted indexes. Nothing of it is written anywhere; locking drops the whole object.
 *
 * Building runs in short slices so core keeps answering while a large shop is indexed; a query
 * meanwhile is answered from what is built and says so. New messages are picked up by SQLite's
 * rowid, which grows with every insert whatever wrote it (a customer's message, a reply, an
 * import), so no writer needs to know about search.
 */
import parsePhoneNumber from 'libphonenumber-js/min'
import type { SearchResult } from '../../../src-shared/bridge/features/search'
import { searchableTextOf } from '../../../src-shared/search/message-text'
import {
  distinctWords,
  isEmptyQuery,
  parseSearchQuery,
  phoneNumberWords,
  snippetAround,
  type SearchQuery,
} from '../../../src-shared/search/search-words'
import { createLogger } from '../logger'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'
import { WordPostings } from './word-postings'

const log = createLogger('search')

/** Longest a building slice holds the worker before it lets calls in. */
const sliceBudgetMs = 8
const rowsPerRead = 256

interface MessageRow {
  rowid: number
  id: string
  conversation_id: string
  sent_at: number
  body_sealed: Buffer | null
}

interface CustomerRow {
  conversation_id: string
  customer_id: string
  phone_sealed: Buffer | null
  profile_name_sealed: Buffer | null
  name_sealed: Buffer | null
}

export interface SearchOptions {
  limit: number
  messagesPerConversation: number
}

export class SearchIndex {
  private readonly messageWords = new WordPostings()
  private readonly messageIds: string[] = []
  private readonly messageConversation: number[] = []
  private readonly messageSentAt: number[] = []
  private lastRowid = 0

  private readonly conversationIds: string[] = []
  /** Each conversation's messages (document numbers), to tell how far back a match is. */
  private readonly conversationMessages: number[][] = []
  private readonly conversationNumber = new Map<string, number>()

  private readonly customerWords = new WordPostings()
  /** Per customer document: its conversation, or -1 once replaced by a newer reading. */
  private readonly customerConversation: number[] = []
  private readonly customerDocumentOf = new Map<number, number>()

  private totalAtStart = 0
  private built = false
  private disposed = false

  constructor(private readonly shop: OpenShop) {}

  get isBuilt(): boolean {
    return this.built
  }

  get messageCount(): number {
    return this.messageIds.length
  }

  /** Builds the index in slices; resolves when it is whole (or the index was dropped). */
  async build(): Promise<void> {
    const started = performance.now()
    this.totalAtStart = (
      statement(this.shop.db, 'SELECT count(*) AS n FROM messages').get() as { n: number }
    ).n
    this.indexAllCustomers()
    while (!this.disposed) {
      const sliceEnd = performance.now() + sliceBudgetMs
      let more = true
      while (more && performance.now() < sliceEnd) more = this.readMessages(rowsPerRead) > 0
      if (!more) break
      await new Promise((resolve) => setImmediate(resolve))
    }
    if (this.disposed) return
    this.built = true
    log.info(
      `indexed ${this.messageIds.length} messages and ${this.customerDocumentOf.size} customers in ${Math.round(performance.now() - started)} ms`,
    )
  }

  /** Drops what it holds; a build in progress stops at its next slice. */
  dispose(): void {
    this.disposed = true
    this.messageIds.length = 0
    this.messageConversation.length = 0
    this.messageSentAt.length = 0
    this.customerConversation.length = 0
    this.customerDocumentOf.clear()
    this.conversationIds.length = 0
    this.conversationMessages.length = 0
    this.conversationNumber.clear()
  }

  /** Indexes messages written since the last look (cheap when there are none). */
  catchUp(): void {
    if (!this.built || this.disposed) return
    while (this.readMessages(rowsPerRead) > 0) {
      // Each read takes the next rows; a large catch-up (an import) runs to its end.
    }
  }

  /** The customers of these conversations changed (a new name, a profile name): read again. */
  refreshCustomers(conversationIds: readonly string[]): void {
    if (this.disposed) return
    for (const conversationId of conversationIds) {
      const row = statement(
        this.shop.db,
        `SELECT c.id AS conversation_id, u.id AS customer_id, u.phone_sealed, u.profile_name_sealed,
           u.name_sealed FROM conversations c JOIN customers u ON u.id = c.customer_id
         WHERE c.id = ?`,
      ).get(conversationId) as CustomerRow | undefined
      if (row) this.indexCustomer(row)
    }
  }

  /** The conversation's number in the index, numbering it the first time it is seen. */
  private conversationOf(conversationId: string): { number: number; isNew: boolean } {
    const known = this.conversationNumber.get(conversationId)
    if (known !== undefined) return { number: known, isNew: false }
    const number = this.conversationIds.length
    this.conversationIds.push(conversationId)
    this.conversationMessages.push([])
    this.conversationNumber.set(conversationId, number)
    return { number, isNew: true }
  }

  private readMessages(count: number): number {
    const rows = statement(
      this.shop.db,
      `SELECT rowid, id, conversation_id, sent_at, body_sealed FROM messages
       WHERE rowid > ? ORDER BY rowid LIMIT ?`,
    ).all(this.lastRowid, count) as MessageRow[]
    for (const row of rows) {
      this.lastRowid = row.rowid
      const json = this.shop.open('messages', 'body', row.id, row.body_sealed, {
        conversationId: row.conversation_id,
        messageId: row.id,
      })
      const text = json === null ? '' : searchableTextOf(JSON.parse(json) as unknown)
      const document = this.messageIds.length
      this.messageIds.push(row.id)
      const conversation = this.conversationOf(row.conversation_id)
      // A conversation that began after the build has a customer the index does not know yet.
      if (conversation.isNew && this.built) this.refreshCustomers([row.conversation_id])
      this.messageConversation.push(conversation.number)
      this.conversationMessages[conversation.number]!.push(document)
      this.messageSentAt.push(row.sent_at)
      if (text !== '') this.messageWords.add(document, distinctWords(text))
    }
    return rows.length
  }

  private indexAllCustomers(): void {
    const rows = statement(
      this.shop.db,
      `SELECT c.id AS conversation_id, u.id AS customer_id, u.phone_sealed, u.profile_name_sealed,
         u.name_sealed FROM conversations c JOIN customers u ON u.id = c.customer_id`,
    ).all() as CustomerRow[]
    for (const row of rows) this.indexCustomer(row)
  }

  private indexCustomer(row: CustomerRow): void {
    const open = (column: string, sealed: Buffer | null) =>
      this.shop.open('customers', column, row.customer_id, sealed)
    const phone = open('phone', row.phone_sealed)
    const names = [open('name', row.name_sealed), open('profile_name', row.profile_name_sealed)]
    const words = new Set<string>()
    for (const name of names) if (name) for (const word of distinctWords(name)) words.add(word)
    if (phone) {
      const national = parsePhoneNumber(phone)?.nationalNumber ?? null
      for (const word of phoneNumberWords(phone, national)) words.add(word)
    }
    const conversation = this.conversationOf(row.conversation_id).number
    const previous = this.customerDocumentOf.get(conversation)
    if (previous !== undefined) this.customerConversation[previous] = -1
    const document = this.customerConversation.length
    this.customerConversation.push(conversation)
    this.customerDocumentOf.set(conversation, document)
    this.customerWords.add(document, [...words])
  }

  search(text: string, options: SearchOptions): SearchResult {
    const started = performance.now()
    this.catchUp()
    const query = parseSearchQuery(text)
    const indexing = {
      done: this.built,
      indexedMessages: this.messageIds.length,
      totalMessages: Math.max(this.totalAtStart, this.messageIds.length),
    }
    if (isEmptyQuery(query)) {
      return { conversations: [], moreConversations: 0, indexing, tookMs: 0 }
    }

    // Per conversation, in arrays indexed by its number: a query over 100,000 messages touches
    // each match once here, with no map or object per match.
    const conversationCount = this.conversationIds.length
    const matchCount = new Int32Array(conversationCount)
    const newestAt = new Float64Array(conversationCount)
    const customerMatched = new Uint8Array(conversationCount)
    const touched: number[] = []
    for (const document of this.matchingCustomers(query)) {
      const conversation = this.customerConversation[document]!
      if (customerMatched[conversation] === 0 && matchCount[conversation] === 0) {
        touched.push(conversation)
      }
      customerMatched[conversation] = 1
    }
    const matched = this.messageWords.match(query.prefixes, this.messageIds.length)
    for (const document of matched) {
      const conversation = this.messageConversation[document]!
      if (matchCount[conversation] === 0 && customerMatched[conversation] === 0) {
        touched.push(conversation)
      }
      matchCount[conversation] = matchCount[conversation]! + 1
      const at = this.messageSentAt[document]!
      if (at > newestAt[conversation]!) newestAt[conversation] = at
    }

    // Customers found by name or number first, then the newest matching messages.
    touched.sort((a, b) => customerMatched[b]! - customerMatched[a]! || newestAt[b]! - newestAt[a]!)
    const shown = touched.slice(0, options.limit)
    // Only the shown conversations collect their newest few matches.
    const hitsOf = new Map<number, number[]>(shown.map((conversation) => [conversation, []]))
    for (const document of matched) {
      hitsOf.get(this.messageConversation[document]!)?.push(document)
    }
    const conversations = shown.map((conversation) => {
      const newest = hitsOf
        .get(conversation)!
        .sort((a, b) => this.messageSentAt[b]! - this.messageSentAt[a]! || b - a)
        .slice(0, options.messagesPerConversation)
      return {
        conversationId: this.conversationIds[conversation]!,
        customerMatched: customerMatched[conversation] === 1,
        messageCount: matchCount[conversation]!,
        messages: newest.map((document) => this.describeHit(document, query)),
      }
    })
    return {
      conversations,
      moreConversations: touched.length - shown.length,
      indexing,
      tookMs: performance.now() - started,
    }
  }

  private matchingCustomers(query: SearchQuery): number[] {
    const count = this.customerConversation.length
    const found = new Set(this.customerWords.match(query.prefixes, count))
    if (query.phoneDigits !== null) {
      for (const document of this.customerWords.match([query.phoneDigits], count)) {
        found.add(document)
      }
    }
    return [...found].filter((document) => this.customerConversation[document] !== -1)
  }

  private describeHit(document: number, query: SearchQuery) {
    const messageId = this.messageIds[document]!
    const row = statement(
      this.shop.db,
      'SELECT direction, body_sealed FROM messages WHERE id = ?',
    ).get(messageId) as { direction: 'inbound' | 'outbound'; body_sealed: Buffer | null }
    const json = this.shop.open('messages', 'body', messageId, row.body_sealed)
    const text = json === null ? '' : searchableTextOf(JSON.parse(json) as unknown)
    return {
      messageId,
      sentAt: this.messageSentAt[document]!,
      direction: row.direction,
      snippet: snippetAround(text, query),
      fromNewest: this.fromNewest(document),
    }
  }

  /** Its place counted from the newest, in the conversation view's order (time, then id). */
  private fromNewest(document: number): number {
    const at = this.messageSentAt[document]!
    const id = this.messageIds[document]!
    let count = 0
    for (const other of this.conversationMessages[this.messageConversation[document]!]!) {
      const otherAt = this.messageSentAt[other]!
      if (otherAt > at || (otherAt === at && this.messageIds[other]! >= id)) count++
    }
    return count
  }
}
