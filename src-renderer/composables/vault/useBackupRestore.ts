/**
 * Restoring a backup file: choose it, give the passphrase it was made with, and core checks it
 * before anything is replaced (the current file is kept aside, never deleted).
 */
import { ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useVaultStore } from '../../stores/vault'
import { useFailureText } from '../shell/useFailureText'
import { fileToBase64 } from './backup-file'

export type RestorePhase = 'idle' | 'reading' | 'ready' | 'restoring' | 'done'

export function useBackupRestore() {
  const { t } = useI18n()
  const vault = useVaultStore()
  const failureText = useFailureText()

  const phase = ref<RestorePhase>('idle')
  const chosen = shallowRef<{ name: string; base64: string } | null>(null)
  const passphrase = ref('')
  const problem = ref<string | null>(null)

  async function choose(file: File): Promise<void> {
    problem.value = null
    passphrase.value = ''
    chosen.value = null
    phase.value = 'reading'
    try {
      chosen.value = { name: file.name, base64: await fileToBase64(file) }
      phase.value = 'ready'
    } catch {
      problem.value = t('backup.restore.unreadable')
      phase.value = 'idle'
    }
  }

  /** Resolves true when the backup is in place. */
  async function restore(): Promise<boolean> {
    const file = chosen.value
    if (!file || phase.value !== 'ready') return false
    problem.value = null
    if (!passphrase.value) {
      problem.value = t('backup.restore.empty')
      return false
    }
    phase.value = 'restoring'
    const error = await vault.restoreBackup(file.base64, passphrase.value)
    if (error) {
      problem.value = failureText(error, { WRONG_PASSPHRASE: t('backup.restore.wrongPassphrase') })
      phase.value = 'ready'
      return false
    }
    cancel()
    phase.value = 'done'
    return true
  }

  function cancel(): void {
    chosen.value = null
    passphrase.value = ''
    problem.value = null
    phase.value = 'idle'
  }

  return { phase, chosen, passphrase, problem, choose, restore, cancel }
}
