export { type MarketId, isMarketId, marketIdSchema, marketIds, metaMarketNames } from './market-ids'
export { type MarketMember, marketMembers } from './market-members'
export {
  type MarketMatch,
  marketMatchOfNumber,
  marketOfCountry,
  marketOfNumber,
  phoneDigits,
} from './market-of-number'
export { type PhoneNumberFacts, describePhoneNumber, flagOf } from './phone-number'
export { type Recipient, type RecipientIds, countryOfUserId, recipientOf } from './recipient'
