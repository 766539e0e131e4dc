/**
 * The OS keychain through Electron's safeStorage. On Linux, safeStorage falls back to a
 * hard-coded key when no secret service is running ("basic_text"): that protects nothing, so
 * Kedai refuses to remember the vault there and says why.
 */
import { safeStorage } from 'electron'
import type { Keychain } from '../core/vault/keychain'

export function safeStorageKeychain(platform: NodeJS.Platform = process.platform): Keychain {
  function availability(): Promise<{ available: boolean; reason: string | null }> {
    return Promise.resolve(check())
  }
  function check(): { available: boolean; reason: string | null } {
    if (!safeStorage.isEncryptionAvailable()) {
      return { available: false, reason: "This computer's keychain is not available." }
    }
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return {
        available: false,
        reason:
          'No keyring service is running on this computer, so a remembered vault would be protected by a key anyone can read. Start your desktop keyring (GNOME Keyring or KWallet) to use this.',
      }
    }
    return { available: true, reason: null }
  }
  return {
    availability,
    async encrypt(secret) {
      if (!(await availability()).available) throw new Error('keychain unavailable')
      return safeStorage.encryptString(Buffer.from(secret).toString('base64'))
    },
    async decrypt(sealed) {
      if (!(await availability()).available) throw new Error('keychain unavailable')
      return Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64')
    },
  }
}
