/**
 * What Kedai knows when the owner answers this customer, as the shared rules want it
 * (src-shared/quick-replies/reply-context.ts): the customer's name, the shop's name, the total of
 * the customer's last order among the loaded messages, today in the shop's time zone.
 */
import type { Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { MessageItem } from '../../../src-shared/inbox/inbox-view'
import { minorDigitsOf } from '../../../src-shared/money'
import type { OrderTotal, ReplyContext } from '../../../src-shared/quick-replies'
import { useOpenConversationStore } from '../../stores/open-conversation'
import { useVaultStore } from '../../stores/vault'
import { contentOf } from '../inbox/message-body'
import { microsScale, orderTotalMicros } from '../inbox/order-total'

/** The newest order the customer sent, as an amount in minor units; null when none or mixed. */
export function lastOrderTotal(messages: readonly MessageItem[]): OrderTotal | null {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!
    if (message.direction !== 'inbound') continue
    const content = contentOf(message)
    if (content.type !== 'order') continue
    const total = orderTotalMicros(content.items)
    if (!total) return null
    // Micros to minor units: exact when the price has no finer part than the currency's minor.
    const divisor = 10n ** BigInt(microsScale - minorDigitsOf(total.currency))
    return { amountMinor: Number(total.micros / divisor), currency: total.currency }
  }
  return null
}

/** Builds the context at the moment of use, so `{{today}}` is the day the reply goes out. */
export function useReplyContext(
  conversationId: Ref<string>,
  customerName: Ref<string | null>,
): () => ReplyContext {
  const { locale } = useI18n()
  const vault = useVaultStore()
  const openConversation = useOpenConversationStore()
  return () => ({
    customerName: customerName.value,
    shopName: vault.shopName,
    lastOrderTotal:
      openConversation.conversationId === conversationId.value
        ? lastOrderTotal(openConversation.messages)
        : null,
    now: Date.now(),
    locale: locale.value === 'id' ? 'id-ID' : 'en',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  })
}
