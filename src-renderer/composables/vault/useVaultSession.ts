/**
 * What the shell does while the shop is open: locks on the keyboard shortcut, and tells core the
 * owner is still there (keys and pointer, throttled by the vault store) so idle auto-lock waits.
 */
import { onScopeDispose } from 'vue'
import { useVaultStore } from '../../stores/vault'
import { isLockShortcut, isMacintosh } from './lock-shortcut'

export function useVaultSession(): void {
  const vault = useVaultStore()
  const mac = isMacintosh()

  function onKeydown(event: KeyboardEvent): void {
    vault.noteActivity()
    if (!isLockShortcut(event, mac) || event.repeat) return
    // In a browser Ctrl+L would also jump to the address bar.
    event.preventDefault()
    void vault.lock()
  }
  const onPointerdown = () => vault.noteActivity()

  window.addEventListener('keydown', onKeydown, { capture: true })
  window.addEventListener('pointerdown', onPointerdown, { capture: true, passive: true })
  onScopeDispose(() => {
    window.removeEventListener('keydown', onKeydown, { capture: true })
    window.removeEventListener('pointerdown', onPointerdown, { capture: true })
  })
}
