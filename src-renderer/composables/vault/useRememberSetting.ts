/**
 * "Remember on this computer": offered only where core says a keychain can hold the key, and
 * turned on only with the passphrase, so someone at an unlocked Kedai cannot do it alone.
 */
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useVaultStore } from '../../stores/vault'
import { useFailureText } from '../shell/useFailureText'

export function useRememberSetting() {
  const { t } = useI18n()
  const vault = useVaultStore()
  const failureText = useFailureText()

  const remembered = computed(() => vault.status?.remembered ?? false)
  const available = computed(() => vault.status?.keychain.available ?? false)
  const unavailableReason = computed(() =>
    available.value ? null : (vault.status?.keychain.reason ?? null),
  )
  const asking = ref(false)
  const passphrase = ref('')
  const busy = ref(false)
  const problem = ref<string | null>(null)

  async function toggle(): Promise<void> {
    problem.value = null
    if (!remembered.value) {
      asking.value = true
      return
    }
    busy.value = true
    const error = await vault.setRemembered(false)
    busy.value = false
    if (error) problem.value = failureText(error)
  }

  /** Resolves true when the key is remembered. */
  async function confirm(): Promise<boolean> {
    if (busy.value) return false
    problem.value = null
    if (!passphrase.value) {
      problem.value = t('settings.security.remember.empty')
      return false
    }
    busy.value = true
    const error = await vault.setRemembered(true, passphrase.value)
    busy.value = false
    if (error) {
      problem.value = failureText(error, {
        WRONG_PASSPHRASE: t('settings.security.remember.wrong'),
      })
      return false
    }
    cancel()
    return true
  }

  function cancel(): void {
    asking.value = false
    passphrase.value = ''
    problem.value = null
  }

  return {
    remembered,
    available,
    unavailableReason,
    asking,
    passphrase,
    busy,
    problem,
    toggle,
    confirm,
    cancel,
  }
}
