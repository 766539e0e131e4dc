/** Vault statuses as core reports them, for renderer tests. */
import type { VaultState, VaultStatus } from '../../src-shared/vault/vault-status'

export function vaultStatus(state: VaultState, rest: Partial<VaultStatus> = {}): VaultStatus {
  return {
    state,
    shopName: state === 'unlocked' ? 'Toko Sari' : null,
    damage: null,
    latestBackup: null,
    remembered: false,
    keychain: { available: false, reason: 'Only the desktop app can remember the vault.' },
    ...rest,
  }
}
