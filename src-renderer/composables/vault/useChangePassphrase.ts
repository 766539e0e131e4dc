/** Settings > Security: a new passphrase, after the current one. Core rewraps one key, fast. */
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { minimumPassphraseLength, passphraseStrength } from '../../../src-shared/vault/passphrase'
import { useVaultStore } from '../../stores/vault'
import { useFailureText } from '../shell/useFailureText'

export type ChangePassphraseField = 'current' | 'next' | 'confirmation'

export function useChangePassphrase() {
  const { t } = useI18n()
  const vault = useVaultStore()
  const failureText = useFailureText()

  const current = ref('')
  const next = ref('')
  const confirmation = ref('')
  const tried = ref(false)
  const busy = ref(false)
  const done = ref(false)
  /** Core refused: a wrong current passphrase is said at that field, anything else under the form. */
  const wrongCurrent = ref<string | null>(null)
  const failure = ref<string | null>(null)

  const strength = computed(() => passphraseStrength(next.value))
  const problems = computed<Record<ChangePassphraseField, string | null>>(() => {
    if (!tried.value) return { current: wrongCurrent.value, next: null, confirmation: null }
    return {
      current: current.value
        ? wrongCurrent.value
        : t('settings.security.passphrase.currentMissing'),
      next:
        strength.value === 'tooShort'
          ? t('vault.create.tooShort', { minimum: minimumPassphraseLength })
          : null,
      confirmation: confirmation.value === next.value ? null : t('vault.create.mismatch'),
    }
  })

  /** Resolves to the first field with a problem (to put focus there), or null. */
  async function submit(): Promise<ChangePassphraseField | null> {
    if (busy.value) return null
    tried.value = true
    done.value = false
    failure.value = null
    wrongCurrent.value = null
    const first = (['current', 'next', 'confirmation'] as const).find(
      (field) => problems.value[field] !== null,
    )
    if (first) return first
    busy.value = true
    const error = await vault.changePassphrase(current.value, next.value)
    busy.value = false
    if (error?.code === 'WRONG_PASSPHRASE') {
      wrongCurrent.value = t('settings.security.passphrase.wrong')
      return 'current'
    }
    if (error) {
      failure.value = failureText(error)
      return null
    }
    current.value = ''
    next.value = ''
    confirmation.value = ''
    tried.value = false
    done.value = true
    return null
  }

  return { current, next, confirmation, strength, problems, busy, done, failure, submit }
}
