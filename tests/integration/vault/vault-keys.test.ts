/** Creating, locking, unlocking and rekeying a real vault file. */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { BridgeFailure } from '../../../src-shared/bridge/errors'
import { openVault, passphrase, removeTempDataDirs, tempDataDir } from '../../support/vault'

afterEach(removeTempDataDirs)

function failure(run: () => unknown): BridgeFailure {
  try {
    run()
  } catch (cause) {
    if (cause instanceof BridgeFailure) return cause
    throw cause
  }
  throw new Error('expected a failure')
}

describe('the vault keys', () => {
  it('starts new, is created unlocked, locks and unlocks', async () => {
    const vault = await openVault(tempDataDir())
    expect((await vault.status()).state).toBe('new')
    expect(failure(() => vault.shop()).code).toBe('VAULT_LOCKED')

    const created = vault.create('Warung Bu Sari', passphrase)
    expect(created).toMatchObject({ state: 'unlocked', shopName: 'Warung Bu Sari' })

    expect(vault.lock()).toMatchObject({ state: 'locked', shopName: null })
    expect(failure(() => vault.shop()).code).toBe('VAULT_LOCKED')

    expect(vault.unlock(passphrase)).toMatchObject({
      state: 'unlocked',
      shopName: 'Warung Bu Sari',
    })
    await vault.close()
  })

  it('refuses a short passphrase and an empty shop name', async () => {
    const vault = await openVault(tempDataDir())
    expect(failure(() => vault.create('Toko', 'short')).code).toBe('INVALID_INPUT')
    expect(failure(() => vault.create('   ', passphrase)).code).toBe('INVALID_INPUT')
    expect((await vault.status()).state).toBe('new')
    await vault.close()
  })

  it('says a wrong passphrase is wrong and changes nothing', async () => {
    const dataDir = tempDataDir()
    const vault = await openVault(dataDir)
    vault.create('Toko Makmur', passphrase)
    vault.lock()
    const db = readFileSync(vault.path)
    const error = failure(() => vault.unlock('not the passphrase'))
    expect(error.code).toBe('WRONG_PASSPHRASE')
    expect(error.message).toMatch(/not right/)
    expect((await vault.status()).state).toBe('locked')
    expect(readFileSync(vault.path).equals(db)).toBe(true)
    await vault.close()
  })

  it('changes the passphrase by rewrapping the key: the new one opens, the old one does not', async () => {
    const dataDir = tempDataDir()
    const vault = await openVault(dataDir)
    vault.create('Toko Makmur', passphrase)
    expect(
      failure(() => vault.changePassphrase('wrong one!!', 'a brand new passphrase')).code,
    ).toBe('WRONG_PASSPHRASE')
    vault.changePassphrase(passphrase, 'a brand new passphrase')
    await vault.close()

    const reopened = await openVault(dataDir)
    expect(failure(() => reopened.unlock(passphrase)).code).toBe('WRONG_PASSPHRASE')
    expect(reopened.unlock('a brand new passphrase')).toMatchObject({
      state: 'unlocked',
      shopName: 'Toko Makmur',
    })
    await reopened.close()
  })

  it('keeps the KDF parameters beside the wrapped key', async () => {
    const vault = await openVault(tempDataDir())
    vault.create('Toko', passphrase)
    const row = vault
      .shop()
      .db.prepare("SELECT kdf, ops_limit, mem_limit FROM keyring WHERE purpose = 'passphrase'")
      .get()
    expect(row).toEqual({ kdf: 'argon2id13', ops_limit: 1, mem_limit: 8 * 1024 * 1024 })
    await vault.close()
  })

  it('remembers on this computer only where a keychain is offered', async () => {
    const dataDir = tempDataDir()
    const vault = await openVault(dataDir)
    vault.create('Toko', passphrase)
    await expect(vault.setRemembered(true, passphrase)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    await vault.close()

    // A keychain that XORs with a fixed pad: enough to prove the flow, not a cipher.
    const pad = 0x5a
    const keychain = {
      availability: () => Promise.resolve({ available: true, reason: null }),
      encrypt: (bytes: Uint8Array) => Promise.resolve(bytes.map((b) => b ^ pad)),
      decrypt: (bytes: Uint8Array) => Promise.resolve(bytes.map((b) => b ^ pad)),
    }
    const withKeychain = await openVault(dataDir, { keychain })
    await expect(withKeychain.setRemembered(true, 'wrong passphrase')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    expect(await withKeychain.setRemembered(true, passphrase)).toMatchObject({ remembered: true })
    await withKeychain.close()

    const next = await openVault(dataDir, { keychain })
    expect(await next.unlockRemembered()).toBe(true)
    expect((await next.status()).shopName).toBe('Toko')
    expect(await next.setRemembered(false, '')).toMatchObject({ remembered: false })
    next.lock()
    expect(await next.unlockRemembered()).toBe(false)
    await next.close()
  })
})
