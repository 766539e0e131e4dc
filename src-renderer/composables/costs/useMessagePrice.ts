/**
 * The price of the next message in a conversation, asked of core (it knows the windows, the
 * month's allowance and the owner's rate cards) and asked again whenever the ledger or the
 * settings change. `words` is the one line the owner reads before sending.
 */
import { computed, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { MessagePrice } from '../../../src-shared/costs/cost-views'
import { metaMarketNames, isMarketId } from '../../../src-shared/markets'
import { useBridge } from '../../bridge/inject'
import { useCostsStore } from '../../stores/costs'
import { useMoney } from './useMoney'

export function useMessagePrice(conversationId: Ref<string>, templateId: Ref<string | null>) {
  const bridge = useBridge()
  const costs = useCostsStore()
  const money = useMoney()
  const i18n = useI18n()
  const { t, locale } = i18n
  const price = ref<MessagePrice | null>(null)
  let asked = 0

  async function ask(): Promise<void> {
    const mine = ++asked
    const result = await bridge.call('costs.quote', {
      conversationId: conversationId.value,
      ...(templateId.value === null ? {} : { templateId: templateId.value }),
    })
    if (mine !== asked) return
    price.value = result.ok ? result.value : null
  }

  watch([conversationId, templateId, () => costs.generation], () => void ask(), {
    immediate: true,
  })

  const place = computed(() => {
    const quote = price.value
    if (!quote) return ''
    if (quote.country) {
      const names = new Intl.DisplayNames([locale.value], { type: 'region' })
      return names.of(quote.country) ?? quote.country
    }
    return isMarketId(quote.market) ? metaMarketNames[quote.market] : quote.market
  })

  const words = computed(() => {
    const quote = price.value
    if (!quote) return null
    const reasonKey = `costs.reason.${quote.reason}`
    const reason = i18n.te(reasonKey) ? t(reasonKey) : quote.reason
    if (quote.outcome === 'refused') return t('costs.price.refused', { reason })
    if (!quote.charged) return t('costs.price.free', { reason })
    const what = t('costs.price.what', {
      category: t(`costs.category.${quote.category}`),
      place: place.value,
    })
    if (quote.minor === null) return t('costs.price.unknown', { what })
    return t('costs.price.charged', { amount: money.minor(quote.minor, quote.currency), what })
  })

  return { price, words, refresh: ask }
}
