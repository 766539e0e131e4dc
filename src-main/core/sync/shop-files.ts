/**
 * Files attached to quick replies, between the shop's devices. The quick reply travels in the
 * operation log; its file travels beside it through the relay's file store, sealed with the
 * shop's sync key (the relay holds ciphertext only). Each sync round leaves the files the shop's
 * quick replies name that were attached here and not yet shared, and fetches those they name
 * that this computer lacks (a file not on the relay yet is simply fetched in a later round).
 *
 * Sealed file: version (1) | key id length (1) | key id | nonce (24) | XChaCha20-Poly1305 of
 * (header length, 4 bytes big-endian | header JSON {kind, mimeType, fileName} | the bytes), with
 * associated data `kedai-file|<key id>|<file id>` so a file cannot pass for another.
 */
import { z } from 'zod'
import { attachmentKinds } from '../../../src-shared/quick-replies/quick-reply'
import { RelayRefused, type RelayClient } from '../link/relay-client'
import { createLogger } from '../logger'
import { listQuickReplies } from '../quick-replies/quick-reply-store'
import {
  holdsMedia,
  keepMedia,
  markMediaShared,
  mediaBytes,
  mediaInfo,
  unsharedMedia,
  type MediaInfo,
} from '../quick-replies/media-store'
import type { Sodium } from '../vault/sodium'
import type { OpenShop } from '../vault/vault'
import { syncKey, type SyncKey } from './sync-keys'

const log = createLogger('sync-files')
const formatVersion = 1
const headerSchema = z.object({
  kind: z.enum(attachmentKinds),
  mimeType: z.string().min(1),
  fileName: z.string().min(1),
})

const associatedData = (key: SyncKey, fileId: string) => `kedai-file|${key.keyId}|${fileId}`

export function sealFile(sodium: Sodium, key: SyncKey, info: MediaInfo, bytes: Buffer): Buffer {
  const header = Buffer.from(
    JSON.stringify({ kind: info.kind, mimeType: info.mimeType, fileName: info.fileName }),
  )
  const length = Buffer.alloc(4)
  length.writeUInt32BE(header.length)
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
  const cipher = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    Buffer.concat([length, header, bytes]),
    associatedData(key, info.id),
    null,
    nonce,
    key.key,
  )
  const keyId = Buffer.from(key.keyId)
  return Buffer.concat([Buffer.from([formatVersion, keyId.length]), keyId, nonce, cipher])
}

/** The file, or null when it does not open with this shop's key (altered, or another file). */
export function openFile(
  sodium: Sodium,
  key: SyncKey,
  fileId: string,
  sealed: Buffer,
): { info: MediaInfo; bytes: Buffer } | null {
  try {
    if (sealed[0] !== formatVersion) return null
    const keyIdLength = sealed[1]!
    const keyId = sealed.subarray(2, 2 + keyIdLength).toString()
    if (keyId !== key.keyId) return null
    const nonceStart = 2 + keyIdLength
    const nonceEnd = nonceStart + sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
    const plain = Buffer.from(
      sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        sealed.subarray(nonceEnd),
        associatedData(key, fileId),
        sealed.subarray(nonceStart, nonceEnd),
        key.key,
      ),
    )
    const headerLength = plain.readUInt32BE(0)
    const header = headerSchema.safeParse(
      JSON.parse(plain.subarray(4, 4 + headerLength).toString('utf8')),
    )
    if (!header.success) return null
    return { info: { id: fileId, ...header.data }, bytes: plain.subarray(4 + headerLength) }
  } catch {
    return null
  }
}

/** One round: leave what the relay lacks, fetch what this computer lacks. Returns fetched ids. */
export async function shareFiles(
  client: RelayClient,
  shopOf: () => OpenShop,
  sodium: Sodium,
  now: () => number,
): Promise<string[]> {
  const key = syncKey(shopOf(), sodium)
  // Only files a quick reply names: one picked and then dropped before saving stays here.
  const wanted = new Set(
    listQuickReplies(shopOf()).flatMap((quickReply) =>
      quickReply.attachment ? [quickReply.attachment.mediaRef] : [],
    ),
  )
  for (const id of unsharedMedia(shopOf())) {
    if (!wanted.has(id)) continue
    const info = mediaInfo(shopOf(), id)
    const bytes = info ? mediaBytes(shopOf(), id) : null
    if (!info || !bytes) continue
    try {
      await client.putFile(id, sealFile(sodium, key, info, bytes))
    } catch (cause) {
      if (!(cause instanceof RelayRefused)) throw cause
      // Refused, not unreachable: an older relay without a file store (404), or a file it will
      // not take. The round goes on (the shop's edits must not wait for a file); next round
      // tries again. A 409 is another copy under this id already there (a retry whose answer
      // was lost, sealed again with a new nonce): it serves the other devices just as well.
      if (cause.status !== 409) {
        log.warn(`the relay did not keep shared file ${id} (${cause.code})`)
        continue
      }
    }
    markMediaShared(shopOf(), id, now())
  }
  const fetched: string[] = []
  for (const id of wanted) {
    if (holdsMedia(shopOf(), id)) continue
    const sealed = await client.getFile(id)
    if (!sealed) continue
    const file = openFile(sodium, key, id, sealed)
    if (!file) {
      log.warn(`shared file ${id} did not open with the shop's key; skipped`)
      continue
    }
    keepMedia(shopOf(), file.info, file.bytes, now(), now())
    fetched.push(id)
  }
  return fetched
}
