import { describe, expect, it } from 'vitest'
import { openFile, sealFile } from '../../../src-main/core/sync/shop-files'
import { loadSodium } from '../../../src-main/core/vault/sodium'

describe('a quick reply file sealed for the shop’s other devices', async () => {
  const sodium = await loadSodium()
  const key = { key: sodium.crypto_aead_xchacha20poly1305_ietf_keygen(), keyId: 'k1' }
  const info = {
    id: '01JBZ8Q5N4X0W3C7K2R9T6V1M8',
    kind: 'document' as const,
    mimeType: 'application/pdf',
    fileName: 'katalog-batik.pdf',
  }
  const bytes = Buffer.from('%PDF-1.4 katalog batik tulis 2026 %%EOF')

  it('opens to the same file, name and type with the shop’s key, and shows nothing of them', () => {
    const sealed = sealFile(sodium, key, info, bytes)
    expect(sealed.includes(Buffer.from('katalog'))).toBe(false)
    expect(sealed.includes(Buffer.from('application/pdf'))).toBe(false)
    const opened = openFile(sodium, key, info.id, sealed)
    expect(opened?.info).toEqual(info)
    expect(opened?.bytes.equals(bytes)).toBe(true)
  })

  it('does not open under another id, with another key, or altered', () => {
    const sealed = sealFile(sodium, key, info, bytes)
    expect(openFile(sodium, key, '01JBZ8Q5N4X0W3C7K2R9T6V1M9', sealed)).toBeNull()
    const otherKey = { key: sodium.crypto_aead_xchacha20poly1305_ietf_keygen(), keyId: 'k1' }
    expect(openFile(sodium, otherKey, info.id, sealed)).toBeNull()
    const altered = Buffer.from(sealed)
    altered[altered.length - 1] = altered.at(-1)! ^ 1
    expect(openFile(sodium, key, info.id, altered)).toBeNull()
    expect(openFile(sodium, key, info.id, Buffer.from([9, 9, 9]))).toBeNull()
  })
})
