/** Real vaults on temporary folders, with a fast key derivation so tests do not wait on Argon2id. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Vault, type VaultOptions } from '../../src-main/core/vault/vault'
import type { KdfParams } from '../../src-main/core/vault/keyring'

export const fastKdf: KdfParams = {
  algorithm: 'argon2id13',
  opsLimit: 1,
  memLimitBytes: 8 * 1024 * 1024,
}

export const passphrase = 'kopi susu gula aren'

const folders: string[] = []

export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kedai-vault-'))
  folders.push(dir)
  return dir
}

export function removeTempDataDirs(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export function openVault(dataDir: string, options: Partial<VaultOptions> = {}): Promise<Vault> {
  return Vault.open({ dataDir, kdf: fastKdf, ...options })
}
