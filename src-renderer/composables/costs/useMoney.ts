/** Money in the shop's currency as the owner reads it, in the interface's language. */
import { useI18n } from 'vue-i18n'
import { formatMinor, formatUsdMicros } from '../../../src-shared/money'

export function useMoney() {
  const { locale } = useI18n()
  const localeTag = () => (locale.value === 'id' ? 'id-ID' : 'en')
  return {
    minor: (amount: number, currency: string) => formatMinor(amount, currency, localeTag()),
    usd: (usdMicros: number) => formatUsdMicros(usdMicros, localeTag()),
  }
}
