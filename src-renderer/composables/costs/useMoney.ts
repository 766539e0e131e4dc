/**
 * Money in the shop's currency as the owner reads it. Rupiah is always written the Indonesian
 * way (Rp 1.680), whatever the interface's language; other currencies follow the language.
 */
import { useI18n } from 'vue-i18n'
import { formatMinor, formatUsdMicros } from '../../../src-shared/money'

export function useMoney() {
  const { locale } = useI18n()
  const localeFor = (currency: string) =>
    currency.toUpperCase() === 'IDR' || locale.value === 'id' ? 'id-ID' : 'en'
  return {
    minor: (amount: number, currency: string) => formatMinor(amount, currency, localeFor(currency)),
    usd: (usdMicros: number) => formatUsdMicros(usdMicros, locale.value === 'id' ? 'id-ID' : 'en'),
  }
}
