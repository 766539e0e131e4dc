/** Core's handlers for `src-shared/bridge/features/costs.ts`. */
import type { costMethods } from '../../../src-shared/bridge/features/costs'
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { parseRateCardCsv } from '../../../src-shared/pricing'
import { readCostSettings, updateCostSettings } from '../costs/cost-settings-store'
import { costSummary } from '../costs/cost-summary'
import { ledgerCsv } from '../costs/ledger-csv'
import { customerSpend } from '../costs/ledger'
import { messagePrice } from '../costs/message-price'
import { meterOf, toShopMinor } from '../costs/meter'
import { monthKeyOf } from '../costs/periods'
import { templateMessage } from '../costs/template-category'
import { findTemplate } from '../templates/template-store'
import type { FeatureContext, HandlersFor } from './feature-context'

/** Tells every window the meter moved: after a send, a confirmation or new settings. */
export function announceCosts(context: Pick<FeatureContext, 'vault' | 'events' | 'now'>): void {
  if (!context.vault.unlocked) return
  context.events.emit('costs.changed', meterOf(context.vault.shop(), context.now()))
}

export function createCostHandlers(context: FeatureContext): HandlersFor<typeof costMethods> {
  const shop = () => context.vault.shop()
  return {
    'costs.meter': () => meterOf(shop(), context.now()),
    'costs.quote': ({ conversationId, templateId }) => {
      if (templateId === undefined) {
        return messagePrice(shop(), conversationId, { kind: 'service' }, context.now())
      }
      const template = findTemplate(shop(), templateId)
      if (!template) throw new BridgeFailure('NOT_FOUND', 'That template is not in this shop.')
      return messagePrice(shop(), conversationId, templateMessage(template.category), context.now())
    },
    'costs.summary': ({ month }) => costSummary(shop(), month ?? monthKeyOf(context.now())),
    'costs.exportCsv': ({ month }) => ledgerCsv(shop(), month ?? monthKeyOf(context.now())),
    'costs.customerSpend': ({ customerId }) => {
      const spend = customerSpend(shop(), customerId)
      const settings = readCostSettings(shop())
      return {
        messages: spend.messages,
        charged: spend.charged,
        minor: toShopMinor(spend.usdMicros, settings),
        currency: settings.currency,
      }
    },
    'costs.settings': () => readCostSettings(shop()),
    'costs.updateSettings': (change) => {
      const settings = updateCostSettings(shop(), context.sync, change)
      announceCosts(context)
      context.link.syncSoon(0)
      return settings
    },
    'costs.importRateCard': ({ csv, effectiveFrom }) => {
      const parsed = parseRateCardCsv(csv, { effectiveFrom, source: 'imported CSV' })
      const errors = parsed.errors.map((error) => ({
        line: error.line,
        code: error.code,
        message: error.message,
      }))
      const card = parsed.card
      if (!card) {
        return {
          kept: false,
          effectiveFrom: null,
          markets: 0,
          errors,
          settings: readCostSettings(shop()),
        }
      }
      // A newer import for the same date replaces the older one; other dates stay.
      const current = readCostSettings(shop())
      const rateCards = [
        ...current.rateCards.filter((kept) => kept.effectiveFrom !== card.effectiveFrom),
        card,
      ]
      const settings = updateCostSettings(shop(), context.sync, { rateCards })
      announceCosts(context)
      context.link.syncSoon(0)
      return {
        kept: true,
        effectiveFrom: card.effectiveFrom,
        markets: Object.keys(card.ratesUsdMicros).length,
        errors,
        settings,
      }
    },
  }
}
