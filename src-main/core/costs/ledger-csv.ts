/**
 * The ledger as CSV for the owner's bookkeeping: every entry of the month as written, oldest
 * first, with the amount in micro-USD and in the shop's currency at the owner's rate. Cells that
 * could start a spreadsheet formula are quoted with a leading apostrophe.
 */
import { decimalToString } from '../../../src-shared/money'
import { minorDigitsOf } from '../../../src-shared/money'
import type { OpenShop } from '../vault/vault'
import { readCostSettings } from './cost-settings-store'
import { ledgerEntries } from './ledger'
import { toShopMinor } from './meter'
import { monthPeriod } from './periods'

export const ledgerCsvHeader = [
  'id',
  'time',
  'entry',
  'message_id',
  'category',
  'market',
  'charged',
  'reason',
  'usd_micros',
  'amount',
  'currency',
] as const

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function ledgerCsv(shop: OpenShop, month: string): { fileName: string; csv: string } {
  const settings = readCostSettings(shop)
  const period = monthPeriod(month)
  const lines = [ledgerCsvHeader.join(',')]
  for (const entry of ledgerEntries(shop, period.fromAt, period.toAt)) {
    const minor = toShopMinor(entry.usdMicros, settings)
    const amount = decimalToString({
      units: BigInt(minor),
      scale: minorDigitsOf(settings.currency),
    })
    lines.push(
      [
        entry.id,
        new Date(entry.at).toISOString(),
        entry.entry,
        entry.messageId ?? '',
        entry.category ?? '',
        entry.market ?? '',
        entry.charged ? 'yes' : 'no',
        entry.reason ?? '',
        String(entry.usdMicros),
        amount,
        settings.currency,
      ]
        .map(cell)
        .join(','),
    )
  }
  return { fileName: `kedai-ledger-${month}.csv`, csv: `${lines.join('\r\n')}\r\n` }
}
