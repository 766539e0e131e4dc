/**
 * The costs screen's month: daily spend, and spend by category, by customer and by template,
 * all sums of settled ledger entries; what the same messages would have cost as SMS.
 */
import type { CostSummary, SpendRow } from '../../../src-shared/costs/cost-views'
import type { OpenShop } from '../vault/vault'
import { readCustomer } from '../inbox/customers'
import { readCostSettings } from './cost-settings-store'
import { countOverrides, settledMessages } from './ledger'
import { toShopMinor } from './meter'
import { localDateOf, monthPeriod } from './periods'

interface Bucket {
  label: string
  messages: number
  charged: number
  usdMicros: number
}

function add(
  buckets: Map<string, Bucket>,
  key: string,
  label: string,
  charged: boolean,
  usd: number,
) {
  const bucket = buckets.get(key) ?? { label, messages: 0, charged: 0, usdMicros: 0 }
  bucket.messages++
  if (charged) bucket.charged++
  bucket.usdMicros += usd
  buckets.set(key, bucket)
}

export function costSummary(shop: OpenShop, month: string): CostSummary {
  const settings = readCostSettings(shop)
  const period = monthPeriod(month)
  const settled = settledMessages(shop, period.fromAt, period.toAt)
  const daily = new Map<string, number>()
  const byCategory = new Map<string, Bucket>()
  const byCustomer = new Map<string, Bucket>()
  const byTemplate = new Map<string, Bucket>()
  const names = new Map<string, string>()
  let total = 0
  for (const message of settled) {
    total += message.usdMicros
    const day = localDateOf(message.queuedAt)
    daily.set(day, (daily.get(day) ?? 0) + message.usdMicros)
    const category = message.category ?? 'unknown'
    add(byCategory, category, category, message.charged, message.usdMicros)
    const customerId = message.customerId
    if (!customerId) continue
    if (!names.has(customerId)) {
      const customer = readCustomer(shop, customerId)
      names.set(
        customerId,
        customer?.name ?? customer?.profileName ?? customer?.phone ?? customer?.userId ?? '?',
      )
    }
    add(byCustomer, customerId, names.get(customerId)!, message.charged, message.usdMicros)
    if (message.templateName) {
      add(
        byTemplate,
        message.templateName,
        message.templateName,
        message.charged,
        message.usdMicros,
      )
    }
  }
  const rows = (buckets: Map<string, Bucket>): SpendRow[] =>
    [...buckets.entries()]
      .map(([key, bucket]) => ({ key, ...bucket, minor: toShopMinor(bucket.usdMicros, settings) }))
      .sort((a, b) => b.usdMicros - a.usdMicros || b.messages - a.messages)
  const days = Array.from({ length: period.days }, (_, index) => {
    const date = `${month}-${String(index + 1).padStart(2, '0')}`
    const usdMicros = daily.get(date) ?? 0
    return { date, usdMicros, minor: toShopMinor(usdMicros, settings) }
  })
  return {
    month,
    currency: settings.currency,
    totalUsdMicros: total,
    totalMinor: toShopMinor(total, settings),
    daily: days,
    byCategory: rows(byCategory),
    byCustomer: rows(byCustomer),
    byTemplate: rows(byTemplate),
    sms:
      settings.smsRateMinor === null
        ? null
        : { messages: settled.length, minor: settled.length * settings.smsRateMinor },
    overrides: countOverrides(shop, period.fromAt, period.toAt),
  }
}
