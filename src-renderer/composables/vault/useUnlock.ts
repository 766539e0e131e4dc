/** The unlock form. A wrong passphrase is said plainly and nothing else changes. */
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useVaultStore } from '../../stores/vault'
import { useFailureText } from '../shell/useFailureText'

export function useUnlock() {
  const { t } = useI18n()
  const vault = useVaultStore()
  const failureText = useFailureText()

  const passphrase = ref('')
  const busy = ref(false)
  const problem = ref<string | null>(null)

  /** Resolves true when the shop opened. */
  async function submit(): Promise<boolean> {
    if (busy.value) return false
    problem.value = null
    if (!passphrase.value) {
      problem.value = t('vault.unlock.empty')
      return false
    }
    busy.value = true
    const error = await vault.unlock(passphrase.value)
    busy.value = false
    if (!error) {
      passphrase.value = ''
      return true
    }
    problem.value = failureText(error, { WRONG_PASSPHRASE: t('vault.unlock.wrong') })
    return false
  }

  return { passphrase, busy, problem, submit }
}
