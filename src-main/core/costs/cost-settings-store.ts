/**
 * The owner's cost settings, kept in the vault's `settings` table as one JSON value. A value
 * that no longer reads (an older shape, a hand edit) falls back field by field to the defaults
 * rather than stopping the meter.
 */
import {
  type CostSettings,
  costSettingsSchema,
  defaultCostSettings,
} from '../../../src-shared/costs/cost-settings'
import { type RateCard, shippedRateCards } from '../../../src-shared/pricing'
import { createLogger } from '../logger'
import { statement } from '../store/statements'
import type { OpenShop } from '../vault/vault'

const log = createLogger('costs')
const key = 'costs'

export function readCostSettings(shop: Pick<OpenShop, 'db'>): CostSettings {
  const row = statement(shop.db, 'SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined
  if (!row) return defaultCostSettings
  let stored: Record<string, unknown>
  try {
    stored = JSON.parse(row.value) as Record<string, unknown>
  } catch {
    log.warn('cost settings do not read; using the defaults')
    return defaultCostSettings
  }
  const settings: Record<string, unknown> = { ...defaultCostSettings }
  for (const [field, value] of Object.entries(stored)) {
    const shape = costSettingsSchema.shape[field as keyof CostSettings]
    const parsed = shape?.safeParse(value)
    if (parsed?.success) settings[field] = parsed.data
  }
  return settings as CostSettings
}

export function updateCostSettings(
  shop: Pick<OpenShop, 'db'>,
  change: Partial<CostSettings>,
  now: number,
): CostSettings {
  const next = costSettingsSchema.parse({ ...readCostSettings(shop), ...change })
  statement(
    shop.db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(next), now)
  return next
}

/** The shipped cards, then the owner's: on equal dates the owner's win. */
export function rateCardsInUse(settings: CostSettings): readonly RateCard[] {
  return [...shippedRateCards, ...settings.rateCards]
}
