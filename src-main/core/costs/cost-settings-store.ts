/**
 * The owner's cost settings, kept in the vault's `settings` table as one JSON value. A value
 * that no longer reads (an older shape, a hand edit) falls back field by field to the defaults
 * rather than stopping the meter.
 *
 * Each setting is one synced `setting` (id `costs.<name>`, field `value`, last writer wins): a
 * change is recorded in the operation log and written here by `materialiseCostSetting`, the
 * same writer that applies another device's change, so budgets and rates agree on every device.
 * Two devices changing different settings at once both keep their change.
 */
import {
  type CostSettings,
  costSettingsSchema,
  defaultCostSettings,
} from '../../../src-shared/costs/cost-settings'
import { type RateCard, shippedRateCards } from '../../../src-shared/pricing'
import { createLogger } from '../logger'
import { statement } from '../store/statements'
import type { StoredField } from '../sync/field-store'
import type { EditRecorder } from '../sync/sync-log'
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

function writeCostSettings(shop: Pick<OpenShop, 'db'>, settings: CostSettings, at: number): void {
  statement(
    shop.db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = max(updated_at, excluded.updated_at)`,
  ).run(key, JSON.stringify(settings), at)
}

/** The synced setting's id for one cost setting. */
const settingId = (field: string) => `${key}.${field}`

/** Checks the whole change first (a bad value loses nothing), then records each field changed. */
export function updateCostSettings(
  shop: OpenShop,
  sync: EditRecorder,
  change: Partial<CostSettings>,
): CostSettings {
  const next = costSettingsSchema.parse({ ...readCostSettings(shop), ...change })
  sync.record(
    shop,
    Object.keys(change).map((field) => ({
      entity: 'setting' as const,
      id: settingId(field),
      field: 'value',
      value: next[field as keyof CostSettings],
    })),
  )
  return readCostSettings(shop)
}

/** Writes one merged cost setting over the stored ones; a value this version cannot read is kept aside. */
export function materialiseCostSetting(
  shop: OpenShop,
  id: string,
  fields: ReadonlyMap<string, StoredField>,
): void {
  if (!id.startsWith(`${key}.`)) return // Another feature's setting.
  const field = id.slice(key.length + 1)
  const merged = fields.get('value')
  const shape = costSettingsSchema.shape[field as keyof CostSettings]
  const parsed = shape?.safeParse(merged?.value)
  if (!merged || !parsed?.success) return
  const settings = { ...readCostSettings(shop), [field]: parsed.data }
  writeCostSettings(shop, settings, parseInt(merged.hlc.slice(0, 12), 16))
}

/** The shipped cards, then the owner's: on equal dates the owner's win. */
export function rateCardsInUse(settings: CostSettings): readonly RateCard[] {
  return [...shippedRateCards, ...settings.rateCards]
}
