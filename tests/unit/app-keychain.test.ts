/** "Remember on this computer" through Electron's safeStorage, with `electron` mocked. */
import { describe, expect, it, vi } from 'vitest'

const safeStorage = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable() {
    return this.available
  },
  getSelectedStorageBackend() {
    return this.backend
  },
  encryptString: (text: string) => Buffer.from(`sealed:${text}`),
  decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''),
}))
vi.mock('electron', () => ({ safeStorage }))

const { safeStorageKeychain } = await import('../../src-main/app/keychain')

describe('the OS keychain', () => {
  it('wraps and unwraps a key where a real keyring backs safeStorage', async () => {
    safeStorage.available = true
    safeStorage.backend = 'gnome_libsecret'
    const keychain = safeStorageKeychain('linux')
    await expect(keychain.availability()).resolves.toEqual({ available: true, reason: null })
    const key = Uint8Array.from({ length: 32 }, (_, i) => i)
    const sealed = await keychain.encrypt(key)
    expect(Buffer.from(sealed).includes(Buffer.from(key))).toBe(false)
    expect([...(await keychain.decrypt(sealed))]).toEqual([...key])
  })

  it("refuses Linux's plain-text fallback and says why", async () => {
    safeStorage.backend = 'basic_text'
    const keychain = safeStorageKeychain('linux')
    const availability = await keychain.availability()
    expect(availability.available).toBe(false)
    expect(availability.reason).toMatch(/keyring/)
    await expect(keychain.encrypt(new Uint8Array(32))).rejects.toThrow()
  })

  it('does not apply the Linux rule elsewhere, and refuses when encryption is unavailable', async () => {
    safeStorage.backend = 'basic_text'
    await expect(safeStorageKeychain('darwin').availability()).resolves.toMatchObject({
      available: true,
    })
    safeStorage.available = false
    await expect(safeStorageKeychain('win32').availability()).resolves.toMatchObject({
      available: false,
    })
  })
})
