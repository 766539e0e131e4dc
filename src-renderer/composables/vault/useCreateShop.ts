/**
 * The "Create your shop" form: the shop's name and a passphrase typed twice. Problems show once
 * the owner tries to create; creating takes a second or so while core derives the key.
 */
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { minimumPassphraseLength, passphraseStrength } from '../../../src-shared/vault/passphrase'
import { useVaultStore } from '../../stores/vault'
import { useFailureText } from '../shell/useFailureText'

export type CreateShopField = 'shopName' | 'passphrase' | 'confirmation'

export function useCreateShop() {
  const { t } = useI18n()
  const vault = useVaultStore()
  const failureText = useFailureText()

  const shopName = ref('')
  const passphrase = ref('')
  const confirmation = ref('')
  const tried = ref(false)
  const busy = ref(false)
  const failure = ref<string | null>(null)

  const strength = computed(() => passphraseStrength(passphrase.value))
  const problems = computed<Record<CreateShopField, string | null>>(() => {
    if (!tried.value) return { shopName: null, passphrase: null, confirmation: null }
    return {
      shopName: shopName.value.trim() ? null : t('vault.create.nameMissing'),
      passphrase:
        strength.value === 'tooShort'
          ? t('vault.create.tooShort', { minimum: minimumPassphraseLength })
          : null,
      confirmation: confirmation.value === passphrase.value ? null : t('vault.create.mismatch'),
    }
  })

  /** Resolves to the first field with a problem (to put focus there), or null. */
  async function submit(): Promise<CreateShopField | null> {
    if (busy.value) return null
    tried.value = true
    failure.value = null
    const first = (['shopName', 'passphrase', 'confirmation'] as const).find(
      (field) => problems.value[field] !== null,
    )
    if (first) return first
    busy.value = true
    const error = await vault.create(shopName.value.trim(), passphrase.value)
    busy.value = false
    if (error) failure.value = failureText(error)
    return null
  }

  return {
    shopName,
    passphrase,
    confirmation,
    strength,
    problems,
    busy,
    failure,
    minimum: minimumPassphraseLength,
    submit,
  }
}
