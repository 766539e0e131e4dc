/** What the inbox says about a customer: their name, number, country and flag, pricing market. */
import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ConversationItem } from '../../../src-shared/inbox/inbox-view'
import { describePhoneNumber, flagOf, isMarketId } from '../../../src-shared/markets'
import { customerDisplayName } from './conversation-facts'

export type Customer = ConversationItem['customer']

const regionNames = new Map<string, Intl.DisplayNames | null>()

function regionNamesFor(locale: string): Intl.DisplayNames | null {
  if (!regionNames.has(locale)) {
    let names: Intl.DisplayNames | null = null
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
    } catch {
      names = null
    }
    regionNames.set(locale, names)
  }
  return regionNames.get(locale) ?? null
}

/** A country's name in the owner's language, from Intl (no table of our own). */
export function useCountryName() {
  const { locale } = useI18n()
  const names = computed(() => regionNamesFor(locale.value))
  return (country: string | null): string | null => {
    if (country === null) return null
    try {
      return names.value?.of(country.toUpperCase()) ?? country
    } catch {
      return country
    }
  }
}

export function useCustomerFacts(customer: Ref<Customer | null>) {
  const { t } = useI18n()
  const countryName = useCountryName()

  const phone = computed(() =>
    customer.value?.phone ? describePhoneNumber(customer.value.phone) : null,
  )
  const country = computed(() => phone.value?.country ?? customer.value?.country ?? null)
  const flag = computed(() => phone.value?.flag ?? (country.value ? flagOf(country.value) : null))
  const name = computed(() =>
    customer.value ? (customerDisplayName(customer.value) ?? t('inbox.customer.unknown')) : '',
  )
  const market = computed(() => {
    const id = customer.value?.market ?? phone.value?.market ?? null
    return id !== null && isMarketId(id) ? t(`inbox.markets.${id}`) : null
  })

  return {
    name,
    phone,
    country,
    countryName: computed(() => countryName(country.value)),
    flag,
    market,
  }
}
