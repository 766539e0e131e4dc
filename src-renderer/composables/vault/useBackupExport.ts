/** "Export a backup": core makes a sealed copy of the shop, the browser saves it as a file. */
import { ref } from 'vue'
import { useVaultStore } from '../../stores/vault'
import { useFailureText } from '../shell/useFailureText'
import { downloadBase64 } from './backup-file'

export function useBackupExport() {
  const vault = useVaultStore()
  const failureText = useFailureText()

  const busy = ref(false)
  const savedAs = ref<string | null>(null)
  const problem = ref<string | null>(null)

  async function exportBackup(): Promise<void> {
    if (busy.value) return
    busy.value = true
    savedAs.value = null
    problem.value = null
    const result = await vault.exportBackup()
    busy.value = false
    if (!result.ok) {
      problem.value = failureText(result.error)
      return
    }
    downloadBase64(result.value.fileName, result.value.base64)
    savedAs.value = result.value.fileName
  }

  return { busy, savedAs, problem, exportBackup }
}
