/**
 * The operating system's keychain, as core sees it. In the desktop app the shell provides it
 * (Electron's safeStorage, refused on Linux's plain-text fallback); browser mode has none.
 */
export interface Keychain {
  availability(): Promise<{ available: boolean; reason: string | null }>
  encrypt(secret: Uint8Array): Promise<Uint8Array>
  decrypt(sealed: Uint8Array): Promise<Uint8Array>
}

export const noKeychain: Keychain = {
  availability: () =>
    Promise.resolve({
      available: false,
      reason: 'Only the desktop app can remember the vault on this computer.',
    }),
  encrypt: () => Promise.reject(new Error('no keychain')),
  decrypt: () => Promise.reject(new Error('no keychain')),
}
