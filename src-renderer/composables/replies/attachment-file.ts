/**
 * A photo or document the owner picked for a quick reply: checked by the shared rules before
 * anything is read, so a wrong file is named at once and never reaches core; then read and
 * handed to core, which seals it in the vault and answers the attachment to keep.
 */
import { useI18n } from 'vue-i18n'
import type { BridgeError } from '../../../src-shared/bridge/errors'
import {
  attachmentKindOf,
  type AttachmentIssue,
  type QuickReplyAttachment,
} from '../../../src-shared/quick-replies'
import { useBridge } from '../../bridge/inject'

/** Bytes per `String.fromCharCode` call: well under any engine's argument limit. */
const chunkBytes = 0x8000

/** The bytes in base64, a chunk at a time, so a 16 MB file does not overflow the call stack. */
export function base64Of(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer)
  const parts: string[] = []
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    parts.push(String.fromCharCode(...bytes.subarray(start, start + chunkBytes)))
  }
  return btoa(parts.join(''))
}

export type AttachAnswer =
  | { ok: true; attachment: QuickReplyAttachment }
  | { ok: false; issue: AttachmentIssue }
  | { ok: false; error: BridgeError }

export function useAttachmentFile() {
  const bridge = useBridge()
  const { t, locale } = useI18n()

  /** A size in MB as the owner reads numbers: "5", "6.2". */
  function megabytes(bytes: number): string {
    return new Intl.NumberFormat(locale.value, { maximumFractionDigits: 1 }).format(
      bytes / (1024 * 1024),
    )
  }

  function issueText(issue: AttachmentIssue): string {
    switch (issue.code) {
      case 'attachment_type':
        return t('templates.attachment.issues.attachment_type')
      case 'attachment_empty':
        return t('templates.attachment.issues.attachment_empty')
      case 'attachment_too_large':
        return t(`templates.attachment.issues.attachment_too_large.${issue.kind}`, {
          size: megabytes(issue.size),
          limit: megabytes(issue.limit),
        })
    }
  }

  async function attach(file: File): Promise<AttachAnswer> {
    const checked = attachmentKindOf({ mimeType: file.type, size: file.size })
    if (!checked.ok) return checked
    const data = base64Of(await file.arrayBuffer())
    const result = await bridge.call('quickReplies.attachFile', {
      fileName: file.name.trim() || t(`templates.attachment.unnamed.${checked.kind}`),
      mimeType: file.type,
      data,
    })
    return result.ok ? { ok: true, attachment: result.value } : result
  }

  return { attach, issueText }
}
