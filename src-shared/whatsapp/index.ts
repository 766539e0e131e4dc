/**
 * The WhatsApp Cloud API wire format, pure: webhook parsing, send bodies, and what platform
 * errors mean. The relay calls it at the platform's edge; core reads the events it produces.
 */
export { parseWebhook, parseWebhookText, webhookRejections } from './webhook'
export type { WebhookParse, WebhookRejection } from './webhook'
export { deliveryStatuses, templateStatuses } from './webhook-events'
export type {
  AccountUpdateEvent,
  AdReferral,
  DeliveryStatus,
  InboundMessageEvent,
  MessageEchoEvent,
  PhoneNumberQualityEvent,
  PhoneNumberRoute,
  PlatformErrorEvent,
  ReferredProduct,
  StatusEvent,
  TemplateCategory,
  TemplateCategoryEvent,
  TemplateStatus,
  TemplateStatusEvent,
  UnhandledChangeEvent,
  WebhookEvent,
  WebhookEventKind,
} from './webhook-events'
export type { Customer } from './customer'
export type {
  InboundMedia,
  MessageContent,
  MessageContentType,
  OrderItem,
  SharedContact,
} from './message-content'
export { normalisePricingCategory, pricingCategories } from './pricing'
export type {
  LegacyConversation,
  Pricing,
  PricingCategory,
  PricingModel,
  PricingType,
} from './pricing'
export { customersPerDayOfTier } from './account-events'

export { parsePlatformError } from './platform-error'
export type { PlatformError, PlatformErrorRead } from './platform-error'
export { errorCodeInfo, errorReasonInfo, errorReasons, explainErrorCode } from './error-reasons'
export type { ErrorExplanation, ErrorReason, ErrorReasonInfo } from './error-reasons'

export { sendLimits, sendRefusalReasons } from './send-limits'
export type { SendBuild, SendRefusalReason } from './send-limits'
export type { SendAddress, SendEnvelope } from './send-envelope'
export type { MediaSource } from './media-source'
export { buildTextMessage } from './send-text'
export type { TextSend, TextSendBody } from './send-text'
export { buildTemplateMessage } from './send-template'
export type {
  TemplateButtonValue,
  TemplateHeader,
  TemplateSend,
  TemplateSendBody,
} from './send-template'
export { buildReplyButtonsMessage } from './send-reply-buttons'
export type {
  InteractiveHeader,
  ReplyButton,
  ReplyButtonsSend,
  ReplyButtonsSendBody,
} from './send-reply-buttons'
export { buildMediaMessage } from './send-media'
export type { MediaSend, MediaSendBody } from './send-media'
export { buildMarkAsRead } from './mark-as-read'
export type { MarkAsRead, MarkAsReadBody } from './mark-as-read'
export { parseSendResponse } from './send-response'
export type { SendAnswer } from './send-response'
