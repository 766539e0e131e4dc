export {
  type BillingCategory,
  type ConversationCategory,
  type OutgoingMessage,
  type TemplateCategory,
  billingCategories,
  categoryOfMessage,
  templateCategories,
} from './categories'
export { type IsoDate, isIsoDate, isoDateSchema, utcDateOf } from './iso-date'
export {
  type ConversationPolicy,
  type PerMessagePolicy,
  type PolicySetting,
  type PricingModel,
  type PricingPolicy,
  type PricingSettings,
  policyOn,
  pricingPolicies,
  pricingSettingsSchema,
} from './policies'
export {
  type MarketRates,
  type RateCard,
  type RatesUsdMicros,
  marketRatesSchema,
  rateCardOn,
  rateCardSchema,
  shippedRateCards,
} from './rate-cards'
export {
  type ChargedQuote,
  type ChargedReason,
  type FreeQuote,
  type FreeReason,
  type OpenedConversation,
  type PriceMessageInput,
  type PriceQuote,
  type PriceResult,
  type Refusal,
  type RefusalReason,
  priceMessage,
  rateOf,
} from './price-message'
export {
  type ConfirmedCharge,
  type StatusPricingFields,
  chargeFromStatusPricing,
} from './status-pricing'
export {
  type RateCardCsvError,
  type RateCardCsvErrorCode,
  type RateCardCsvOptions,
  type RateCardCsvResult,
  parseRateCardCsv,
} from './rate-card-csv'
