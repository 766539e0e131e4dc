/**
 * The ledger: append-only (triggers of migration 001 refuse updates and deletes). A message gets
 * an estimate when it is queued and a confirmation when the platform prices it; a later
 * confirmation supersedes an earlier one (a message failed after it was sent costs nothing).
 * What a message cost is its latest confirmation, else its estimate: every total is a sum over
 * those settled entries. Overrides record that the owner sent past a used-up budget; they cost
 * nothing themselves.
 */
import type { BillingCategory } from '../../../src-shared/pricing'
import { newId } from '../ids'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

export type LedgerEntryKind = 'estimate' | 'confirmation' | 'override'

export interface NewLedgerEntry {
  messageId: string | null
  clientId: string | null
  entry: LedgerEntryKind
  category: BillingCategory | null
  market: string | null
  charged: boolean
  usdMicros: number
  reason: string | null
  at: number
}

export interface LedgerEntry extends NewLedgerEntry {
  id: string
}

interface LedgerRow {
  id: string
  message_id: string | null
  client_id: string | null
  entry: LedgerEntryKind
  category: BillingCategory | null
  market: string | null
  charged: number
  usd_micros: number
  reason: string | null
  at: number
}

function fromRow(row: LedgerRow): LedgerEntry {
  return {
    id: row.id,
    messageId: row.message_id,
    clientId: row.client_id,
    entry: row.entry,
    category: row.category,
    market: row.market,
    charged: row.charged === 1,
    usdMicros: row.usd_micros,
    reason: row.reason,
    at: row.at,
  }
}

/**
 * Appends an entry. `id` is given for an entry every device derives alike (a confirmation from
 * the platform's status, which each device pulls itself): the same entry gets the same id
 * everywhere and is written once.
 */
export function appendLedgerEntry(
  shop: Pick<OpenShop, 'db'>,
  entry: NewLedgerEntry,
  id: string = newId(entry.at),
): string {
  statement(
    shop.db,
    `INSERT OR IGNORE INTO ledger (id, message_id, client_id, entry, category, market, charged, usd_micros, reason, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    entry.messageId,
    entry.clientId,
    entry.entry,
    entry.category,
    entry.market,
    entry.charged ? 1 : 0,
    entry.usdMicros,
    entry.reason,
    entry.at,
  )
  return id
}

/** Every entry of one message, oldest first. */
export function entriesOfMessage(shop: Pick<OpenShop, 'db'>, messageId: string): LedgerEntry[] {
  return (
    statement(shop.db, 'SELECT * FROM ledger WHERE message_id = ? ORDER BY id').all(
      messageId,
    ) as LedgerRow[]
  ).map(fromRow)
}

/** A message's settled cost: its latest confirmation, else its estimate. */
export interface SettledMessage {
  messageId: string
  /** When it was queued (its estimate's time): the day its spend belongs to. */
  queuedAt: number
  category: BillingCategory | null
  market: string | null
  charged: boolean
  usdMicros: number
  reason: string | null
  confirmed: boolean
  /** From the message: its template's name, and the customer it went to. */
  templateName: string | null
  customerId: string | null
}

/**
 * Only messages with an entry in [fromAt, toAt) can have been queued then (a message is queued
 * at its first entry): the ledger's time index finds them, so a long history costs nothing to a
 * month's sums. Their earlier entries still count for `queued_at`, which drops a message queued
 * before the period and only confirmed in it.
 */
const inPeriod = `message_id IN (
  SELECT message_id FROM ledger WHERE at >= @fromAt AND at < @toAt AND message_id IS NOT NULL)`

/**
 * Settled messages queued in [fromAt, toAt). One pass of SQL: each message's entries ranked,
 * confirmations first and the newest first among them.
 */
export function settledMessages(
  shop: Pick<OpenShop, 'db'>,
  fromAt: number,
  toAt: number,
): SettledMessage[] {
  const rows = statement(
    shop.db,
    `WITH priced AS (
       SELECT message_id, entry, category, market, charged, usd_micros, reason,
         min(at) OVER (PARTITION BY message_id) AS queued_at,
         row_number() OVER (
           PARTITION BY message_id
           ORDER BY CASE entry WHEN 'confirmation' THEN 1 ELSE 0 END DESC, id DESC
         ) AS rank
       FROM ledger
       WHERE entry IN ('estimate', 'confirmation') AND ${inPeriod}
     )
     SELECT priced.*, m.template_name, c.customer_id FROM priced
       LEFT JOIN messages m ON m.id = priced.message_id
       LEFT JOIN conversations c ON c.id = m.conversation_id
     WHERE rank = 1 AND queued_at >= @fromAt AND queued_at < @toAt
     ORDER BY queued_at`,
  ).all({ fromAt, toAt }) as (Omit<LedgerRow, 'id' | 'at' | 'client_id'> & {
    queued_at: number
    template_name: string | null
    customer_id: string | null
  })[]
  return rows.map((row) => ({
    messageId: row.message_id!,
    queuedAt: row.queued_at,
    category: row.category,
    market: row.market,
    charged: row.charged === 1,
    usdMicros: row.usd_micros,
    reason: row.reason,
    confirmed: row.entry === 'confirmation',
    templateName: row.template_name,
    customerId: row.customer_id,
  }))
}

/** Every entry in [fromAt, toAt), oldest first: what the CSV export writes. */
export function ledgerEntries(
  shop: Pick<OpenShop, 'db'>,
  fromAt: number,
  toAt: number,
): LedgerEntry[] {
  return (
    statement(shop.db, 'SELECT * FROM ledger WHERE at >= ? AND at < ? ORDER BY id').all(
      fromAt,
      toAt,
    ) as LedgerRow[]
  ).map(fromRow)
}

export function countOverrides(shop: Pick<OpenShop, 'db'>, fromAt: number, toAt: number): number {
  return (
    statement(
      shop.db,
      "SELECT count(*) AS n FROM ledger WHERE entry = 'override' AND at >= ? AND at < ?",
    ).get(fromAt, toAt) as { n: number }
  ).n
}

export interface SettledTotals {
  usdMicros: number
  /** Of which queued in [dayFromAt, dayToAt). */
  dayUsdMicros: number
  /** Messages still priced by Kedai's estimate alone. */
  unconfirmed: number
  /** Service messages that used the free allowance or were charged past it. */
  serviceAllowanceUsed: number
}

/** The meter's sums, added up in SQL: the same settled entries as `settledMessages`. */
export function settledTotals(
  shop: Pick<OpenShop, 'db'>,
  period: { fromAt: number; toAt: number },
  day: { fromAt: number; toAt: number },
): SettledTotals {
  const row = statement(
    shop.db,
    `WITH priced AS (
       SELECT entry, usd_micros, category, charged, reason,
         min(at) OVER (PARTITION BY message_id) AS queued_at,
         row_number() OVER (
           PARTITION BY message_id
           ORDER BY CASE entry WHEN 'confirmation' THEN 1 ELSE 0 END DESC, id DESC
         ) AS rank
       FROM ledger
       WHERE entry IN ('estimate', 'confirmation') AND ${inPeriod}
     )
     SELECT coalesce(sum(usd_micros), 0) AS usd,
       coalesce(sum(CASE WHEN queued_at >= @dayFromAt AND queued_at < @dayToAt
         THEN usd_micros ELSE 0 END), 0) AS day,
       coalesce(sum(CASE WHEN entry = 'estimate' THEN 1 ELSE 0 END), 0) AS unconfirmed,
       coalesce(sum(CASE WHEN category = 'service' AND (charged = 1 OR reason = 'serviceAllowance')
         THEN 1 ELSE 0 END), 0) AS allowance
     FROM priced WHERE rank = 1 AND queued_at >= @fromAt AND queued_at < @toAt`,
  ).get({
    dayFromAt: day.fromAt,
    dayToAt: day.toAt,
    fromAt: period.fromAt,
    toAt: period.toAt,
  }) as {
    usd: number
    day: number
    unconfirmed: number
    allowance: number
  }
  return {
    usdMicros: row.usd,
    dayUsdMicros: row.day,
    unconfirmed: row.unconfirmed,
    serviceAllowanceUsed: row.allowance,
  }
}

/** What one customer's messages cost so far: each message's latest entry, summed. */
export function customerSpend(
  shop: Pick<OpenShop, 'db'>,
  customerId: string,
): { messages: number; charged: number; usdMicros: number } {
  return statement(
    shop.db,
    `WITH priced AS (
       SELECT l.charged, l.usd_micros,
         row_number() OVER (
           PARTITION BY l.message_id
           ORDER BY CASE l.entry WHEN 'confirmation' THEN 1 ELSE 0 END DESC, l.id DESC
         ) AS rank
       FROM conversations c
       JOIN messages m ON m.conversation_id = c.id
       JOIN ledger l ON l.message_id = m.id AND l.entry IN ('estimate', 'confirmation')
       WHERE c.customer_id = ?
     )
     SELECT count(*) AS messages, coalesce(sum(charged), 0) AS charged,
       coalesce(sum(usd_micros), 0) AS usdMicros
     FROM priced WHERE rank = 1`,
  ).get(customerId) as { messages: number; charged: number; usdMicros: number }
}
